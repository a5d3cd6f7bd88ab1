using System.Text.Json;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using Crm.Imports.Customers;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Imports.Tests;

/// <summary>An export re-imports to the same data: generated rows, mapped, written in either format, read and mapped again.</summary>
public sealed class RoundTripProperties
{
    private static readonly ImportFormat[] Formats = [ImportFormat.Csv, ImportFormat.Xlsx];

    // Letters, accents, digits and the characters a CSV must quote; no leading or trailing space (cells are trimmed).
    private static Gen<string> Code(int max = 12) =>
        Gen.Choose(1, max).SelectMany(n => Gen.ArrayOf(Gen.Elements("ABCxyzÇãé0189 ;\",.-/'".ToCharArray()), n))
            .Select(chars => new string(chars).Trim() is { Length: > 0 } text ? text : "X");

    private static Gen<string?> Maybe(Gen<string> gen) => Gen.OneOf(Gen.Constant<string?>(null), gen.Select(s => (string?)s));

    private static Gen<string> Digits(int n) => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n).Select(c => new string(c));

    private static Gen<string?[]> CustomerCells(int index) =>
        from foreigner in Gen.Elements("S", "N", "sim", "não")
        from taxId in foreigner is "S" or "sim" ? Code() : Gen.OneOf(Digits(11), Digits(14), Digits(14).Select(d => $"{d[..2]}.{d[2..5]}.{d[5..8]}/{d[8..12]}-{d[12..]}"))
        from code in Code(6)
        from origin in Gen.Elements("datasul", "PROTHEUS", "Legado")
        from clientType in Code(3)
        from general in Gen.ArrayOf(Maybe(Code()), 7)
        from street in Maybe(Code())
        from address in Gen.ArrayOf(Maybe(Code()), 3)
        from uf in Maybe(Gen.Elements(MatrixColumns.Ufs).Select(u => u.ToLowerInvariant()))
        from cep in Maybe(Digits(8))
        from municipality in Maybe(Digits(7))
        from contact in Gen.ArrayOf(Maybe(Code()), 2)
        from responsible in Maybe(Code())
        from responsibleRest in Gen.ArrayOf(Maybe(Code()), 2)
        from sales in Gen.OneOf(Gen.Constant<string?[]?>(null), Gen.ArrayOf(Code(4), 3).Select(a => (string?[]?)a))
        select (string?[])
        [
            taxId, $"{index}-{code}", origin, foreigner, clientType, .. general,
            street, .. street is null ? new string?[6] : [address[0], address[1], address[2], uf, cep, municipality], .. contact,
            responsible, .. responsible is null ? new string?[2] : responsibleRest,
            .. sales ?? new string?[3],
        ];

    private static byte[] Written(Action<Stream> write)
    {
        var output = new MemoryStream();
        write(output);
        return output.ToArray();
    }

    private static Sheet Open(byte[] bytes, ImportFormat format) =>
        ImportFile.Open(new MemoryStream(bytes), format).Match(s => s, p => throw new Xunit.Sdk.XunitException(p.Message));

    [Property(MaxTest = 40)]
    public Property Customers_exported_in_the_import_columns_import_back_to_the_same_rows() =>
        Prop.ForAll(Gen.Choose(1, 8).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n).Select(CustomerCells))).ToArbitrary(), rows =>
        {
            var headers = CustomerColumns.All.Select(c => c.Header).ToList();
            var sheet = CustomerSheet.For(headers).AsT0;
            var mapped = rows.Select((cells, i) => sheet.Map(new SheetRow(i + 2, cells)).Match(r => r, p => throw new InvalidOperationException(string.Join("; ", p)))).ToList();
            var expected = JsonSerializer.Serialize(mapped);
            return Formats.All(format =>
            {
                using var read = Open(Written(o => CustomerExport.Write(o, format, mapped)), format);
                var again = CustomerSheet.For(read.Headers).AsT0;
                return JsonSerializer.Serialize(read.ReadRows().Select(r => again.Map(r).AsT0).ToList()) == expected;
            });
        });

    private static Gen<decimal> Percent(int max) => Gen.Choose(0, max * 100).Select(n => n / 100m);

    /// <summary>A key with a product of its own (so generated rules never overlap) and any of the other dimensions.</summary>
    private static Gen<MatrixKey> Key(int index) =>
        from customer in Maybe(Code())
        from ncm in Maybe(Gen.Choose(1, 8).SelectMany(Digits))
        from cest in Maybe(Digits(7))
        from origin in Gen.OneOf(Gen.Constant<ProductOrigin?>(null), Gen.Choose(0, 8).Select(o => (ProductOrigin?)o))
        from destination in Gen.OneOf(Gen.Constant<Uf?>(null), Gen.Elements(Enum.GetValues<Uf>()).Select(u => (Uf?)u))
        from start in Gen.OneOf(Gen.Constant<LocalDate?>(null), Gen.Choose(0, 20_000).Select(d => (LocalDate?)new LocalDate(2000, 1, 1).PlusDays(d)))
        from days in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 5_000).Select(d => (int?)d))
        from min in Gen.OneOf(Gen.Constant<decimal?>(null), Percent(100).Select(m => (decimal?)m))
        from width in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(1, 10_000).Select(w => (decimal?)(w / 1000m)))
        select new MatrixKey
        {
            Product = $"P{index}", Customer = customer, NcmPrefix = ncm, Cest = cest is null ? null : Cest.Parse(cest).AsT0,
            ProductOrigin = origin, DestinationUf = destination,
            Validity = new Validity(start, days is { } d ? (start ?? new LocalDate(2000, 1, 1)).PlusDays(d) : null),
            Quantity = new QuantityRange(min, width is { } w ? (min ?? 0m) + w : null),
        };

    private static Gen<IcmsStRule> IcmsSt =>
        from rate in Percent(100)
        from mva in Percent(1000)
        from stBase in Gen.Elements(Enum.GetValues<StBase>())
        from adjust in Gen.Elements(true, false)
        from reduction in Percent(99)
        from pauta in stBase == StBase.Mva ? Gen.OneOf(Gen.Constant<decimal?>(null), Percent(50).Select(p => (decimal?)p)) : Gen.Choose(1, 9_999).Select(p => (decimal?)(p / 100m))
        from fcp in Percent(4)
        select new IcmsStRule(rate, mva, stBase, adjust, reduction, pauta, fcp);

    private static Gen<FreightRule> Freight =>
        from charge in Gen.Elements(Enum.GetValues<FreightCharge>())
        from value in Percent(100)
        from free in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(0, 1_000_000).Select(v => (decimal?)(v / 100m)))
        select new FreightRule(charge, value, free);

    private static Property MatrixRoundTrip<T>(MatrixSheet<T> sheet, Gen<T> payload) where T : IMatrixPayload<T> =>
        Prop.ForAll(Gen.Choose(1, 10).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n).Select(i =>
            from key in Key(i)
            from p in payload
            from id in Code(8)
            select new MatrixRule<T>($"{i}:{id}", key, p)))).ToArbitrary(), rules =>
        {
            var original = Matrix<T>.Build(rules).AsT0;
            return Formats.All(format =>
            {
                using var read = Open(Written(o => sheet.Write(o, format, original.Rules)), format);
                return sheet.Import(read.Headers, read.ReadRows()).AsT0.Rules.SequenceEqual(original.Rules);
            });
        });

    [Property(MaxTest = 40)]
    public Property An_icms_st_matrix_exported_imports_back_to_the_same_rules() => MatrixRoundTrip(MatrixSheets.IcmsSt, IcmsSt);

    [Property(MaxTest = 40)]
    public Property A_freight_matrix_exported_imports_back_to_the_same_rules() => MatrixRoundTrip(MatrixSheets.Freight, Freight);
}
