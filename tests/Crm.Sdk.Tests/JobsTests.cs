using Crm.Domain.Accounts.ErpLink;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>CRM1003 through the engine: every account's ERP situation recomputed and saved, batch by batch.</summary>
public sealed class JobsTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Recomputing_marks_an_account_without_recent_purchases_inactive_once(string provider)
    {
        await using var host = await Create(provider);
        var idle = await host.StoreDirectly(Forms.Company(80));
        var never = await host.StoreDirectly(Forms.Company(81));
        await using (var db = host.Open())
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == idle);
            account.RecordErpState(new IntegratedWithErp("1001", new LocalDate(2025, 1, 10)), new LocalDate(2025, 6, 1), host.Diretor, host.Engine.Clock);
            Assert.True((await db.SaveAsync()).IsSaved);
        }

        var first = Ok(await host.Engine.Jobs.RecomputeErpSituationsAsync(host.Tenant, IntegrationSystem.Erp, 6, DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]));
        var second = Ok(await host.Engine.Jobs.RecomputeErpSituationsAsync(host.Tenant, IntegrationSystem.Erp, 6, DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]));

        Assert.Equal(new Jobs.ErpSituationsRecomputed(2, 1), first);
        Assert.Equal(new Jobs.ErpSituationsRecomputed(2, 0), second);
        await using var check = host.Open();
        Assert.Equal(ErpSituation.Inactive, (await check.Accounts.SingleAsync(a => a.Id == idle)).ErpSituation);
        Assert.Equal(ErpSituation.NotIntegrated, (await check.Accounts.SingleAsync(a => a.Id == never)).ErpSituation);
    }
}
