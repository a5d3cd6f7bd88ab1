using System.Globalization;
using System.Text.Json;
using Crm.Domain.Identity;
using Crm.Domain.Taxes;
using Crm.Persistence.Catalog;
using Crm.Persistence.Conversions;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Conversions;

/// <summary>
/// Tax lines, written in their short array form, read back equal after a trip through each provider's document column
/// (text on SQLite, jsonb on PostgreSQL): every amount with its scale, every source, a reduction only when there is one.
/// </summary>
public sealed class TaxLineDocumentProperties
{
    private static readonly Gen<decimal> Amount =
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Choose(0, 10)
        select new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale);

    private static readonly Gen<TaxLine> Line =
        from values in Amount.ArrayOf(4)
        from source in Gen.Elements("", "icms-1", "ipi \"50\"", "regra ç/é 😀", "\\n")
        from reduced in Gen.Elements(true, false)
        select new TaxLine(values[0], values[1], values[2], source, reduced && values[3] != 0m ? values[3] : 0m);

    [Theory, SqliteData, PostgresData]
    public async Task Tax_lines_read_back_equal_with_their_scale(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Line.ArrayOf().ToArbitrary(), lines =>
            RoundTrip(db, lines).GetAwaiter().GetResult()));
    }

    private static async Task RoundTrip(TestDatabase db, TaxLine[] lines)
    {
        var tenant = new TenantId(Guid.NewGuid());
        var json = JsonSerializer.Serialize(lines, DomainJson.Options);
        Assert.DoesNotContain("\"base\"", json, StringComparison.Ordinal);
        await using (var write = db.Open(tenant))
        {
            write.Products.Add(new ProductRow { Code = "P", Description = "Produto", Ncm = "84713012", Document = json });
            Assert.True((await write.SaveAsync()).IsSaved);
        }
        await using var read = db.Open(tenant);
        var back = JsonSerializer.Deserialize<TaxLine[]>(await read.Products.Select(p => p.Document).SingleAsync(), DomainJson.Options)!;
        Assert.Equal(lines, back);
        Assert.Equal(Scales(lines), Scales(back));
    }

    private static string[] Scales(TaxLine[] lines) => [.. lines.SelectMany(l => new[] { l.Base, l.Rate, l.Value, l.Reduction })
        .Select(d => d.ToString(CultureInfo.InvariantCulture))];
}
