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

    [Theory, SqliteData, PostgresData]
    public async Task A_promotion_the_account_rules_refuse_leaves_the_opportunity_where_it_was(string provider)
    {
        await using var host = await Create(provider);
        var (session, pipeline, created) = await Opened(host);
        var revenda = MasterDataCode.Of("REV");
        Ok(await host.As(host.Diretor).Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")], [new AccountType(Customer, "Cliente", true)], [(revenda, Customer)])));

        var refused = await session.Funnel.MoveAsync(created.Id, created.Version, pipeline.Stages[1].Id); // promotes to PRO, not configured

        Assert.IsType<Crm.Domain.Problems.Invalid>(refused.Value);
        var stored = Ok(await session.Funnel.GetAsync(created.Id));
        Assert.Equal((pipeline.Stages[0].Id, created.Version), (stored.Opportunity.Stage, stored.Version));
        Assert.Null(Ok(await session.Accounts.GetAsync(stored.Opportunity.Account)).Account.Data.AccountType);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_promotion_is_an_account_edit_and_without_it_nothing_is_written(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var pipeline = Ok(await diretor.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(Prospect, Customer)));
        var othersAccount = Ok(await host.As(host.Outro).Accounts.RegisterAsync(Forms.Company(53)));
        var onOthers = Ok(await diretor.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Conta de outro", othersAccount.Id, host.Usuario)));
        var qualifying = Ok(await diretor.Funnel.CreatePipelineAsync("Qualificadas", [.. DefaultPipeline.Stages(Prospect, Customer).Skip(1)]));
        var noAccountEdit = await UserWithRoleAsync(host, new ModuleGrant(Module.Opportunities, Permission.All),
            new ModuleGrant(Module.Accounts, Permission.Access | Permission.View | Permission.Include));
        var ownAccount = Ok(await host.As(noAccountEdit).Accounts.RegisterAsync(Forms.Company(54)));

        var moved = await host.As(host.Usuario).Funnel.MoveAsync(onOthers.Id, onOthers.Version, Ok(await diretor.Funnel.PipelinesAsync())
            .Single(p => p.Id == pipeline.Id).Stages[1].Id);
        var created = await host.As(noAccountEdit).Funnel.CreateAsync(qualifying.Id, new OpportunityDraft("Sem editar contas", ownAccount.Id, noAccountEdit));

        var outOfScope = Assert.IsType<Denied>(moved.Value);
        var notAllowed = Assert.IsType<Denied>(created.Value);
        Assert.Equal((Module.Accounts, Permission.Access | Permission.Edit, Denied.ScopeCode), (outOfScope.Module, outOfScope.Action, outOfScope.Code));
        Assert.Equal((Module.Accounts, Permission.Access | Permission.Edit, Denied.PermissionCode), (notAllowed.Module, notAllowed.Action, notAllowed.Code));
        Assert.Equal(onOthers.Version, Ok(await diretor.Funnel.GetAsync(onOthers.Id)).Version);
        Assert.Equal((1L, null), (Ok(await diretor.Accounts.GetAsync(othersAccount.Id)).Version, Ok(await diretor.Accounts.GetAsync(othersAccount.Id)).Account.Data.AccountType));
        Assert.Null(Ok(await diretor.Accounts.GetAsync(ownAccount.Id)).Account.Data.AccountType);
        await using var db = host.Open();
        Assert.Single(db.Opportunities);
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

    /// <summary>A user of the tenant with one role granting <paramref name="grants"/>, its own records in sight.</summary>
    private static async Task<UserId> UserWithRoleAsync(TestHost host, params ModuleGrant[] grants)
    {
        var role = Role.Create(new RoleId(Guid.NewGuid()), host.Tenant, "Vendedor sem contas", DataReach.Own, grants).AsT0;
        await using (var db = host.Open())
        {
            db.Roles.Add(role);
            Assert.True((await db.SaveAsync()).IsSaved);
        }
        var user = new UserId(Guid.NewGuid());
        Ok(await host.Engine.Tenants.AddUserAsync(host.Tenant, user, "vendedor", "Vendedor", "vendedor@exemplo.com.br"));
        Ok(await host.Engine.Tenants.AssignRolesAsync(host.Tenant, host.Support, user, [role.Id]));
        return user;
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
