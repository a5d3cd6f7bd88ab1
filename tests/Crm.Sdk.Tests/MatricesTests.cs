using System.Globalization;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Orders;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using Crm.Imports;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Imports;
using Crm.Sdk.Matrices;
using Crm.Sdk.Tests.Infrastructure;
using Crm.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>The tax and commercial matrices stored through the engine, and orders priced from them.</summary>
public sealed class MatricesTests
{
    private static readonly MatrixKey Ncm8471 = new() { NcmPrefix = "8471" };

    [Theory, SqliteData, PostgresData]
    public async Task A_history_entry_counts_its_ids_lists_the_first_hundred_and_pages_the_rest(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var rules = Enumerable.Range(0, 250).Select(i => new MatrixRule<IpiRule>($"ipi-{i:D3}", new MatrixKey { Product = $"P{i}" }, new IpiRule("50", 5m))).ToList();
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(0, rules)));
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(1, [], ["ipi-007"])));

        var history = Ok(await diretor.Matrices.HistoryAsync("ipi", 0, 10));
        var ids = Ok(await diretor.Matrices.HistoryIdsAsync("ipi", 1, removed: false, 200, 100));
        var removed = Ok(await diretor.Matrices.HistoryIdsAsync("ipi", 2, removed: true, 0, 10));
        var missing = await diretor.Matrices.HistoryIdsAsync("ipi", 9, removed: false, 0, 10);

        Assert.Equal([(2L, 0, 1), (1L, 250, 0)], history.Select(h => (h.Version, h.ChangedCount, h.RemovedCount)));
        Assert.Equal(rules.Take(MatrixModule.HistoryIds).Select(r => r.Id), history[1].Changed);
        Assert.Equal(rules.Skip(200).Select(r => r.Id), ids);
        Assert.Equal(["ipi-007"], removed);
        Assert.IsType<NotFound>(missing.Value);
    }

    [Theory, SqliteData]
    public async Task A_tenant_idle_for_longer_than_the_expiry_is_dropped_from_memory_and_loaded_again_when_used(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var host = sales.Host;
        var matrices = host.Engine.StoredMatrices;
        var other = new Crm.Domain.Identity.TenantId(Guid.NewGuid());
        Assert.Equal(2, (await matrices.ForAsync(host.Tenant, default)).Taxes.Ipi.Rules.Count);
        Assert.Contains(host.Tenant, matrices.HeldTenants);

        host.Time.Advance(TimeSpan.FromMinutes(59));
        await matrices.ForAsync(other, default);
        Assert.Contains(host.Tenant, matrices.HeldTenants); // within the hour (the default)
        host.Time.Advance(TimeSpan.FromMinutes(61));
        await matrices.ForAsync(other, default);

        Assert.DoesNotContain(host.Tenant, matrices.HeldTenants);
        Assert.Contains(other, matrices.HeldTenants);
        Assert.Equal(2, (await matrices.ForAsync(host.Tenant, default)).Taxes.Ipi.Rules.Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_saved_rule_prices_the_next_order_and_an_engine_of_another_process_sees_it_too(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var host = sales.Host;
        var (diretor, seller) = (host.As(host.Diretor), host.As(host.Usuario));
        var customer = await sales.CustomerAsync(1, host.Usuario);
        var order = Ok(await seller.Orders.CreateAsync(SalesFixture.Header(customer, host.Usuario)));
        var added = Ok(await seller.Orders.AddItemsAsync(order.Id, order.Version, [SalesFixture.Item("NB-14", 1m)]));
        var priced = Ok(await seller.Orders.RecalculateAsync(order.Id, added.Version));
        Assert.Equal((10m, "ipi-8471"), await IpiAsync(seller, order.Id));

        var ipi = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Summary;
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(ipi.Version, new MatrixRule<IpiRule>("ipi-8471", Ncm8471, new IpiRule("50", 15m)))));
        var repriced = Ok(await seller.Orders.RecalculateAsync(order.Id, priced.Version));
        Assert.Equal((15m, "ipi-8471"), await IpiAsync(seller, order.Id));

        // Another process on the same database: its engine loads the matrices, then sees each save of the first one.
        await using var other = host.AnotherProcess();
        var elsewhere = other.GetRequiredService<CrmEngine>().Session(host.Tenant, host.Usuario);
        var seen = Ok(await elsewhere.Orders.RecalculateAsync(order.Id, repriced.Version));
        Assert.Equal((15m, "ipi-8471"), await IpiAsync(elsewhere, order.Id));
        ipi = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Summary;
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(ipi.Version,
            [new MatrixRule<IpiRule>("ipi-8471-30", new MatrixKey { NcmPrefix = "8471.30" }, new IpiRule("50", 5m))], ["ipi-8471"])));
        seen = Ok(await elsewhere.Orders.RecalculateAsync(order.Id, seen.Version));
        Assert.Equal((5m, "ipi-8471-30"), await IpiAsync(elsewhere, order.Id));

        // And the first engine sees a save of the other one.
        var otherDiretor = other.GetRequiredService<CrmEngine>().Session(host.Tenant, host.Diretor);
        Ok(await otherDiretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(ipi.Version + 1, [], ["ipi-8471-30"])));
        repriced = Ok(await seller.Orders.RecalculateAsync(order.Id, seen.Version));
        Assert.Equal((0m, "ipi-any"), await IpiAsync(seller, order.Id));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_save_touching_more_rules_than_an_incremental_reload_reads_reaches_another_engine_by_a_full_load(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var customer = await sales.CustomerAsync(1, host.Usuario);
        var seller = host.As(host.Usuario);
        var order = Ok(await seller.Orders.CreateAsync(SalesFixture.Header(customer, host.Usuario)));
        var added = Ok(await seller.Orders.AddItemsAsync(order.Id, order.Version, [SalesFixture.Item("NB-14", 1m)]));
        await using var other = host.AnotherProcess();
        var elsewhere = other.GetRequiredService<CrmEngine>().Session(host.Tenant, host.Usuario);
        var priced = Ok(await elsewhere.Orders.RecalculateAsync(order.Id, added.Version));
        Assert.Equal((10m, "ipi-8471"), await IpiAsync(elsewhere, order.Id));

        // One save of more rules than the limit (one SQL parameter per touched id would be too many to read them back).
        var ipi = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Summary;
        var many = Enumerable.Range(0, MatrixKind.MaxIncrementalRules + 1)
            .Select(i => new MatrixRule<IpiRule>($"bulk-{i:D5}", new MatrixKey { NcmPrefix = (90_000_000 + i).ToString(CultureInfo.InvariantCulture) }, new IpiRule("50", 1m)))
            .Append(new MatrixRule<IpiRule>("ipi-8471", Ncm8471, new IpiRule("50", 7m)));
        Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(ipi.Version, [.. many])));

        Ok(await elsewhere.Orders.RecalculateAsync(order.Id, priced.Version));
        Assert.Equal((7m, "ipi-8471"), await IpiAsync(elsewhere, order.Id));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_change_with_errors_writes_nothing_and_names_every_error_by_rule_and_field(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var diretor = sales.Host.As(sales.Host.Diretor);
        var before = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10));

        var refused = await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(before.Summary.Version,
            [
                new MatrixRule<IpiRule>("reversed", new MatrixKey { NcmPrefix = "8544", Validity = new Validity(new LocalDate(2026, 12, 31), new LocalDate(2026, 1, 1)) }, new IpiRule("50", 5m)),
                new MatrixRule<IpiRule>("overlaps", Ncm8471, new IpiRule("50", 12m)),
                new MatrixRule<IpiRule>("bad-cst", MatrixKey.Any with { NcmPrefix = "85" }, new IpiRule("00", 1m)),
                new MatrixRule<IpiRule>(new string('x', 61), new MatrixKey { NcmPrefix = "86" }, new IpiRule("50", 1m)),
            ],
            ["missing"]));

        Assert.True(refused.IsT1, refused.Outcome);
        var problems = refused.Problems;
        Assert.Contains(problems, p => p.Field == "ipi[reversed].validity");
        Assert.Contains(problems, p => p.Code == MatrixCodes.Overlap && p.Field.Contains("overlaps", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field.StartsWith("ipi[bad-cst]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == $"ipi[{new string('x', 61)}].id" && p.Code == TextCodes.TooLong);
        // The sheet refuses the same ids on their row before anything is saved.
        Assert.Equal(Crm.Persistence.Matrices.MatrixRuleRow.IdLength, MatrixColumns.IdLength);
        Assert.Contains(problems, p => p.Field == "ipi[missing]" && p.Code == MatrixCodes.RuleNotFound);
        var after = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10));
        Assert.Equal(before, after with { Rules = before.Rules }); // same version, count and last change
        Assert.Equal(before.Rules, after.Rules);
        Assert.Single(Ok(await diretor.Matrices.HistoryAsync("ipi", 0, 10)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_stale_version_is_a_conflict_a_usuario_reads_but_may_not_save_and_rules_come_by_page(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var host = sales.Host;
        var (diretor, coordenador, usuario) = (host.As(host.Diretor), host.As(host.Coordenador), host.As(host.Usuario));
        var rule = new MatrixRule<IpiRule>("ipi-8544", new MatrixKey { NcmPrefix = "8544" }, new IpiRule("50", 5m));

        var first = Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(1, rule)));
        Assert.Equal(new MatrixSaved("ipi", 2, 3, 1, 0, 0), first);
        var stale = await coordenador.Matrices.SaveAsync(new MatrixChange<IpiRule>(1, new MatrixRule<IpiRule>(rule.Id, rule.Key, new IpiRule("50", 6m))));
        Assert.True(stale.IsT5, stale.Outcome);
        Assert.Equal(Conflict.Code, Assert.Single(stale.Problems).Code);

        var denied = await usuario.Matrices.SaveAsync(new MatrixChange<IpiRule>(2, new MatrixRule<IpiRule>(rule.Id, rule.Key, new IpiRule("50", 6m))));
        Assert.True(denied.IsT3, denied.Outcome);
        // A Coordenador adds and changes rules but removes none (no Delete on Pricing).
        var removal = await coordenador.Matrices.SaveAsync(new MatrixChange<IpiRule>(2, [], [rule.Id]));
        Assert.True(removal.IsT3, removal.Outcome);
        var page = Ok(await usuario.Matrices.ListAsync("IPI", 0, 2));
        Assert.Equal((2L, 3), (page.Summary.Version, page.Summary.Rules));
        Assert.Equal(["ipi-8471", "ipi-8544"], page.Rules.Select(r => r.Id)); // by id
        Assert.Equal(["ipi-any"], Ok(await usuario.Matrices.ListAsync("ipi", 2, 2)).Rules.Select(r => r.Id));
        Assert.Equal(new IpiRule("50", 10m), page.Rules[0].Payload);
        Assert.Equal(Ncm8471, page.Rules[0].Key);
        var history = Ok(await usuario.Matrices.HistoryAsync("ipi", 0, 10));
        Assert.Equal([2L, 1L], history.Select(h => h.Version));
        Assert.Equal(host.Diretor, history[0].By);
        Assert.Equal(["ipi-8544"], history[0].Changed);
        var summaries = Ok(await usuario.Matrices.SummariesAsync());
        Assert.Equal(MatrixModule.Names, summaries.Select(s => s.Matrix));
        Assert.Equal(0, summaries.Single(s => s.Matrix == "freight").Version);
        Assert.Equal(MatrixModule.UnknownCode, Assert.Single((await usuario.Matrices.ListAsync("iss", 0, 10)).Problems).Code);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_matrix_sheet_imports_as_the_whole_matrix_a_dry_run_writes_nothing_and_a_bad_sheet_names_each_row_and_column(string provider)
    {
        await using var sales = await SalesHost.Create(provider, storedMatrices: true);
        var host = sales.Host;
        var diretor = host.As(host.Diretor);
        var stored = Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10));
        MatrixRule<IpiRule>[] rules =
        [
            stored.Rules.Single(r => r.Id == "ipi-any"),
            new("ipi-8471", Ncm8471, new IpiRule("50", 12m)),
            new("ipi-8544", new MatrixKey { NcmPrefix = "8544" }, new IpiRule("50", 5m)),
        ];
        using var written = new MemoryStream();
        MatrixSheets.Ipi.Write(written, ImportFormat.Csv, rules);
        var file = written.ToArray();

        var dry = Ok(await diretor.Imports.MatrixAsync("ipi", new MatrixImportFile(new MemoryStream(file), ImportFormat.Csv, DryRun: true)));
        Assert.Equal(new MatrixImport("ipi", 3, true, 1, 1, 1, 0, null, null, []), dry);
        Assert.Equal(1, Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Summary.Version);

        var imported = Ok(await diretor.Imports.MatrixAsync("ipi", new MatrixImportFile(new MemoryStream(file), ImportFormat.Csv)));
        Assert.Equal((2L, 1, 1), (imported.Version, imported.Added, imported.Replaced));
        Assert.Equal(rules.OrderBy(r => r.Id, StringComparer.Ordinal), Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Rules);

        // A reversed validity and an unknown CST: every problem on its row and column, nothing written.
        using var bad = new MemoryStream();
        MatrixSheets.Ipi.Write(bad, ImportFormat.Csv,
            [new MatrixRule<IpiRule>("ipi-8544", rules[2].Key with { Validity = new Validity(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)) }, rules[2].Payload),
             new MatrixRule<IpiRule>("ipi-8471", Ncm8471, new IpiRule("00", 12m))]);
        bad.Position = 0;
        using var errors = new MemoryStream();
        var refused = Ok(await diretor.Imports.MatrixAsync("ipi", new MatrixImportFile(bad, ImportFormat.Csv, ErrorSheet: errors)));
        Assert.Null(refused.Version);
        Assert.Contains(refused.Problems, p => (p.Row, p.Column) == (2, MatrixColumns.ValidTo));
        Assert.Contains(refused.Problems, p => p.Row == 3 && p.Column == "CST");
        Assert.True(errors.Length > 0);
        Assert.Equal(2, Ok(await diretor.Matrices.GetAsync<IpiRule>(0, 10)).Summary.Version);

        // Imports › Include is the Imports module's; a Usuário has none.
        Assert.True((await host.As(host.Usuario).Imports.MatrixAsync("ipi", new MatrixImportFile(new MemoryStream(file), ImportFormat.Csv))).IsT3);
    }

    /// <summary>The IPI rate of the order's first item as last priced, and the rule it came from.</summary>
    private static async Task<(decimal Rate, string Source)> IpiAsync(CrmSession session, SalesOrderId order) =>
        Ok(await session.Orders.GetAsync(order)).Order.Items[0].Values?.Taxes is { } taxes
            ? (taxes.Ipi.Rate, taxes.Ipi.Source)
            : throw new InvalidOperationException("not priced");
}
