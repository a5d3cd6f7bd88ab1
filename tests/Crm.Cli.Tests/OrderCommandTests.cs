using Crm.Domain.Identity;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Cli.Tests;

/// <summary><c>crm order</c> over the demo's database: the order the demo placed, listed, shown and printed.</summary>
public sealed class OrderCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-order-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose() => SqliteFolders.Delete(_folder);

    [Fact]
    public void The_demo_s_order_is_listed_shown_with_its_history_and_printed_and_a_bad_id_is_one_clear_line()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);

        var list = CliRun.Of("order", "list", "--db", Db);
        var id = list.OutputLines.Select(l => l.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 0 && Guid.TryParse(cells[0], out _)).Select(cells => cells[0]).Single();
        var show = CliRun.Of("order", "show", id, "--db", Db);
        var file = Path.Combine(_folder.FullName, "p.html");
        var proposal = CliRun.Of("order", "proposal", id, "--db", Db, "--out", file);
        var bad = CliRun.Of("order", "show", "não-é-id\nx", "--db", Db);

        Assert.Equal((0, 0, 0), (list.Exit, show.Exit, proposal.Exit));
        Assert.Contains(show.OutputLines, l => l.Contains("ACUCAR-1K", StringComparison.Ordinal) && l.Contains("30", StringComparison.Ordinal));
        // The commission matrix: 5 % on the coffee, 3 % on the rest, each item's share and the order's total.
        Assert.Contains(show.OutputLines, l => l.Contains("CAFE-500", StringComparison.Ordinal) && l.Contains("5 % =", StringComparison.Ordinal));
        Assert.Contains(show.OutputLines, l => l.Contains("ACUCAR-1K", StringComparison.Ordinal) && l.Contains("3 % =", StringComparison.Ordinal));
        Assert.Contains(show.OutputLines, l => l.Contains("comissão", StringComparison.Ordinal));
        Assert.Contains(show.OutputLines, l => l.Contains("status", StringComparison.Ordinal) && l.Contains("Released", StringComparison.Ordinal));
        // The discount above the Usuária's alçada, approved by the Coordenador.
        Assert.Contains(show.OutputLines, l => l.Contains("Alçadas", StringComparison.Ordinal));
        Assert.Contains(show.OutputLines, l => l.Contains("10 %", StringComparison.Ordinal) && l.Contains("Approved", StringComparison.Ordinal));
        Assert.Contains("<h1>Proposta comercial</h1>", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.NotEqual(0, bad.Exit);
        Assert.Single(bad.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_customer_s_last_quotes_of_a_product_and_its_favourites_come_from_its_orders()
    {
        Assert.Equal(0, CliRun.Of("demo", "--db", Db).Exit);
        string customer, order;
        await using (var db = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Db)).Open(new TenantId(Guid.Parse("de300000-0000-4000-8000-000000000001"))))
        {
            var row = await db.SalesOrders.SingleAsync();
            (customer, order) = (row.Customer.Value.ToString(), row.Id.Value.ToString());
        }

        var quotes = CliRun.Of("order", "quotes", customer, "ACUCAR-1K", "--db", Db);
        var favourites = CliRun.Of("order", "favourites", customer, "--db", Db);
        var bad = CliRun.Of("order", "favourites", "nope", "--db", Db);

        Assert.Equal((0, 0), (quotes.Exit, favourites.Exit));
        Assert.Contains(quotes.OutputLines, l => l.Contains(order, StringComparison.Ordinal) && l.Contains("4,59", StringComparison.Ordinal));
        Assert.Contains(favourites.OutputLines, l => l.Contains("ACUCAR-1K", StringComparison.Ordinal));
        Assert.Contains("is not an account id", bad.Error, StringComparison.Ordinal);
    }
}
