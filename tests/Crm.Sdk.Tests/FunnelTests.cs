using Crm.Domain.Access;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Funnel;
using Crm.Sdk.Tests.Infrastructure;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Opportunities move through the funnel with their stage automations applied in the same transaction.</summary>
public sealed class FunnelTests
{
    private static readonly MasterDataCode Prospect = MasterDataCode.Of("PRO");
    private static readonly MasterDataCode Customer = MasterDataCode.Of("CLI");

    [Theory, SqliteData, PostgresData]
    public async Task Moving_promotes_the_account_and_reopening_never_demotes_it(string provider)
    {
        await using var host = await Create(provider);
        var (session, pipeline, created) = await Opened(host);
        var qualification = pipeline.Stages[1].Id;

        var qualified = Ok(await session.Funnel.MoveAsync(created.Id, created.Version, qualification));
        var won = Ok(await session.Funnel.WinAsync(created.Id, qualified.Version));
        var reopened = Ok(await session.Funnel.MoveAsync(created.Id, won.Version, qualification));

        Assert.Equal(Prospect, qualified.AccountPromotedTo);
        Assert.Equal((Customer, StageOutcome.Won), (won.AccountPromotedTo, won.Status));
        Assert.Null(reopened.AccountPromotedTo);
        Assert.Contains(reopened.Effects, e => e is StageEffect.ChangeAccountType);
        var account = Ok(await session.Accounts.GetAsync(Ok(await session.Funnel.GetAsync(created.Id)).Opportunity.Account)).Account;
        Assert.Equal(Customer, account.Data.AccountType);
        Assert.Contains(account.History.Entries, e => e.Field == "account_type" && e.NewValue == "CLI");
        Assert.Equal(4, Ok(await session.Funnel.GetAsync(created.Id)).Opportunity.History.Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Losing_needs_a_reason_and_a_stale_version_conflicts(string provider)
    {
        await using var host = await Create(provider);
        var (session, _, created) = await Opened(host);

        var noReason = await session.Funnel.LoseAsync(created.Id, created.Version, " ");
        var lost = Ok(await session.Funnel.LoseAsync(created.Id, created.Version, "Preço"));
        var stale = await session.Funnel.WinAsync(created.Id, created.Version);

        Assert.Contains(noReason.Problems, p => p.Code == OpportunityCodes.LostReasonRequired);
        Assert.Equal(StageOutcome.Lost, lost.Status);
        Assert.IsType<Conflict>(stale.Value);
        Assert.Equal(StageOutcome.Lost, Ok(await session.Funnel.GetAsync(created.Id)).Opportunity.Status);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Opportunities_are_refused_outside_the_scope_and_without_permission(string provider)
    {
        await using var host = await Create(provider);
        var (_, pipeline, created) = await Opened(host);
        var othersAccount = Ok(await host.As(host.Outro).Accounts.RegisterAsync(Forms.Company(51)));

        Assert.IsType<NotFound>((await host.As(host.Outro).Funnel.WinAsync(created.Id, created.Version)).Value);
        Assert.IsType<NotFound>((await host.As(host.Usuario).Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("X", othersAccount.Id, host.Usuario))).Value);
        Assert.Equal(Denied.ScopeCode, Assert.IsType<Denied>((await host.As(host.Outro).Funnel.CreateAsync(pipeline.Id,
            new OpportunityDraft("X", othersAccount.Id, host.Usuario))).Value).Code);
        Assert.Equal(Module.Opportunities, Assert.IsType<Denied>((await host.As(host.SemPapel).Funnel.GetAsync(created.Id)).Value).Module);
        Assert.Equal(Module.Settings, Assert.IsType<Denied>((await host.As(host.Usuario).Funnel.CreatePipelineAsync("P", DefaultPipeline.Stages(null, null))).Value).Module);
        Ok(await host.As(host.Coordenador).Funnel.GetAsync(created.Id));
    }

    [Theory, SqliteData]
    public async Task An_invalid_draft_lists_every_problem_and_writes_nothing(string provider)
    {
        await using var host = await Create(provider);
        var (session, pipeline, _) = await Opened(host);
        var account = Ok(await session.Accounts.RegisterAsync(Forms.Company(52)));

        var result = await session.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft(" ", account.Id, host.Usuario));

        Assert.IsType<Crm.Domain.Problems.Invalid>(result.Value);
        await using var db = host.Open();
        Assert.Single(db.Opportunities);
    }

    private static async Task<(CrmSession Session, Pipeline Pipeline, OpportunityMoved Created)> Opened(TestHost host)
    {
        var created = Ok(await host.As(host.Diretor).Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(Prospect, Customer)));
        var session = host.As(host.Usuario);
        var pipeline = Assert.Single(Ok(await session.Funnel.PipelinesAsync()));
        Assert.Equal(created.Id, pipeline.Id);
        var account = Ok(await session.Accounts.RegisterAsync(Forms.Company(50)));
        return (session, pipeline, Ok(await session.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Venda de 10 roteadores", account.Id, host.Usuario))));
    }
}
