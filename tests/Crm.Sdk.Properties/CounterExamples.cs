using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;
using Crm.Sdk.Properties.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Properties;

/// <summary>
/// Minimal sequences the property found (or that its oracle had to take a side on), pinned as plain tests so that they
/// keep being checked whatever the random runs draw. The first two: a stage's account promotion is an account edit
/// (Accounts › Edit, the account visible), so a mover who may not edit or see the account is denied and nothing is written.
/// </summary>
public sealed class CounterExamples
{
    private static readonly MasterDataCode Prospect = MasterDataCode.Of("PRO");
    private static readonly MasterDataCode Customer = MasterDataCode.Of("CLI");

    [Fact]
    public async Task Moving_an_opportunity_never_changes_an_account_the_user_may_not_edit()
    {
        await using var database = await EngineDatabase.Create(Providers.Sqlite);
        var tenant = await Tenant.CreateAsync(database);
        var seller = await tenant.UserAsync("vendedor", DataReach.Own,
            new ModuleGrant(Module.Opportunities, Permission.All), new ModuleGrant(Module.Accounts, Permission.Access | Permission.View));
        var (account, opportunity, qualification) = await tenant.OpportunityAsync(seller, seller);

        var moved = await database.Engine.Session(tenant.Id, seller).Funnel.MoveAsync(opportunity.Id, opportunity.Version, qualification);

        Assert.Equal(1, await tenant.VersionOfAsync(account)); // the account, which the seller may not edit, is as it was
        var denied = Assert.IsType<Denied>(moved.Value);
        Assert.Equal((Module.Accounts, Permission.Access | Permission.Edit, Denied.PermissionCode), (denied.Module, denied.Action, denied.Code));
        Assert.Equal(opportunity.Version, await tenant.OpportunityVersionAsync(opportunity.Id)); // nor was the opportunity moved
    }

    [Fact]
    public async Task Moving_an_opportunity_never_changes_an_account_the_user_does_not_see()
    {
        await using var database = await EngineDatabase.Create(Providers.Sqlite);
        var tenant = await Tenant.CreateAsync(database);
        var seller = await tenant.UserAsync("vendedor", DataReach.Own, [.. StandardRoles.Usuario.Grants]);
        var other = await tenant.UserAsync("outro", DataReach.Own, [.. StandardRoles.Usuario.Grants]);
        var (account, opportunity, qualification) = await tenant.OpportunityAsync(seller, accountOwner: other);

        var moved = await database.Engine.Session(tenant.Id, seller).Funnel.MoveAsync(opportunity.Id, opportunity.Version, qualification);

        Assert.IsType<NotFound>((await database.Engine.Session(tenant.Id, seller).Accounts.GetAsync(account)).Value);
        Assert.Equal(1, await tenant.VersionOfAsync(account)); // the account the seller cannot even read is as it was
        var denied = Assert.IsType<Denied>(moved.Value);
        Assert.Equal((Module.Accounts, Permission.Access | Permission.Edit, Denied.ScopeCode), (denied.Module, denied.Action, denied.Code));
        Assert.Equal(opportunity.Version, await tenant.OpportunityVersionAsync(opportunity.Id));
    }

    /// <summary>A provisioned tenant with its support user, where a test adds users with one custom role each.</summary>
    private sealed class Tenant(EngineDatabase database, TenantId id, UserId support)
    {
        public TenantId Id { get; } = id;

        public static async Task<Tenant> CreateAsync(EngineDatabase database)
        {
            var id = new TenantId(Guid.NewGuid());
            Assert.True((await database.Engine.Tenants.ProvisionAsync(id, "Contraexemplos", Package.Freemium)).Succeeded);
            await using var db = database.Open(id);
            return new Tenant(database, id, db.Users.Single(u => u.Login == User.SupportLogin).Id);
        }

        public async Task<UserId> UserAsync(string login, DataReach reach, params ModuleGrant[] grants)
        {
            var role = Role.Create(new RoleId(Guid.NewGuid()), Id, $"Papel de {login}", reach, grants).AsT0;
            var user = User.Arrive(new UserId(Guid.NewGuid()), Id, login, login, null, Package.Freemium).AsT0;
            Assert.True(user.AssignRoles([role.Id]).IsT0);
            await using var db = database.Open(Id);
            db.Roles.Add(role);
            db.Users.Add(user);
            Assert.True((await db.SaveAsync()).IsSaved);
            return user.Id;
        }

        /// <summary>An account of <paramref name="accountOwner"/> and an opportunity of <paramref name="owner"/> on it, made by support.</summary>
        public async Task<(AccountId Account, Crm.Sdk.Funnel.OpportunityMoved Opportunity, StageId Qualification)> OpportunityAsync(
            UserId owner, UserId accountOwner)
        {
            var support = database.Engine.Session(Id, SupportId);
            var pipeline = (await support.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(Prospect, Customer))).AsT0;
            var account = (await support.Accounts.RegisterAsync(Model.ScenarioRun.Form(1, accountOwner, null, null, null))).AsT0.Id;
            var opportunity = (await support.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Negócio", account, owner))).AsT0;
            await using var db = database.Open(Id);
            var qualification = (await db.Pipelines.AsNoTracking().SingleAsync(p => p.Id == pipeline.Id)).Stages[1].Id;
            return (account, opportunity, qualification);
        }

        public Task<long> VersionOfAsync(AccountId account) => StoredVersionAsync(db => db.Accounts.SingleAsync(a => a.Id == account));

        public Task<long> OpportunityVersionAsync(OpportunityId opportunity) =>
            StoredVersionAsync(db => db.Opportunities.SingleAsync(o => o.Id == opportunity));

        private async Task<long> StoredVersionAsync<T>(Func<Crm.Persistence.CrmDbContext, Task<T>> find) where T : class
        {
            await using var db = database.Open(Id);
            return (long)db.Entry(await find(db)).Property("Version").CurrentValue!;
        }

        private UserId SupportId => support;
    }
}
