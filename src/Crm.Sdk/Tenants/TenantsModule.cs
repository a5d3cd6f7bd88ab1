using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Problems;
using Crm.Domain.Tenancy;
using Crm.Persistence.Organization;
using Crm.Persistence.Provisioning;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Tenants;

/// <summary>
/// Platform-level operations (<see cref="CrmEngine.Tenants"/>): provisioning a tenant and the arrival of users from the
/// platform run without a CRM user; the others act as <c>actor</c>, a user of the tenant whose roles must grant the
/// action on <see cref="Module.Settings"/> (Admin and Diretor do; a Coordenador reads; a Usuário does not).
/// </summary>
public sealed class TenantsModule
{
    /// <summary>The code of a role name another role of the tenant already holds.</summary>
    public const string RoleNameTakenCode = "role.name.taken";

    private readonly CrmEngine _engine;

    internal TenantsModule(CrmEngine engine) => _engine = engine;

    /// <summary>
    /// Provisions <paramref name="tenant"/>: the tenant, the standard roles and the support user <c>suportecrm</c>, each step
    /// committed and reported; running it again reports them already done.
    /// </summary>
    public Task<CrmResult<ProvisioningReport>> ProvisionAsync(TenantId tenant, string name, Package package,
        DefaultIntegration? defaultIntegration = null, CancellationToken cancellationToken = default) =>
        _engine.Runner.RunAsync("tenants.provision", tenant, null, async _ =>
        {
            var outcome = await new TenantProvisioning(_engine.Database).ProvisionAsync(tenant, name, package, defaultIntegration,
                cancellationToken).ConfigureAwait(false);
            return outcome.Match<CrmResult<ProvisioningReport>>(report => report, invalid => invalid);
        }, cancellationToken);

    /// <summary>
    /// A user created on the platform arrives in the CRM (no roles yet; active at once only on Freemium). The tenant must be
    /// provisioned (<see cref="NotFound"/> otherwise); a login already used is <see cref="Invalid"/>.
    /// </summary>
    public Task<CrmResult<UserAdded>> AddUserAsync(TenantId tenant, UserId id, string login, string name, string? email = null,
        CancellationToken cancellationToken = default) =>
        _engine.Runner.RunAsync("tenants.add_user", tenant, null, async db =>
        {
            if (await db.Tenants.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is not { } stored)
                return new NotFound("tenant", tenant.Value);
            var arrived = User.Arrive(id, tenant, login, name, email, stored.Package);
            if (!arrived.TryPickT0(out var user, out var invalid))
                return invalid;
            if (await db.Users.AnyAsync(u => u.Login == user.Login, cancellationToken).ConfigureAwait(false))
                return new Invalid(new Problem("login", "user.login.duplicate", $"O login {user.Login} já existe neste tenant."));
            db.Users.Add(user);
            var saved = await db.SaveAsync(cancellationToken).ConfigureAwait(false);
            return saved.Match<CrmResult<UserAdded>>(_ => new UserAdded(id, user.Status), conflict => conflict, problems => problems);
        }, cancellationToken);

    /// <summary>
    /// Activates <paramref name="user"/> (Settings › Edit). On Starter and Advanced only CRM support may: anyone else is
    /// <see cref="Denied"/> with <see cref="Denied.PlatformCode"/>.
    /// </summary>
    public Task<CrmResult<UserChanged>> ActivateUserAsync(TenantId tenant, UserId actor, UserId user, CancellationToken cancellationToken = default) =>
        ChangeUserAsync("tenants.activate_user", tenant, actor, user, (work, target) =>
        {
            var activated = target.Activate(work.Access.User!, work.Access.Tenant!.Package);
            return Task.FromResult(activated.TryPickT1(out var refused, out _)
                ? (CrmResult<UserChanged>)new Denied(Module.Settings, Permission.Edit, Denied.PlatformCode, refused.Problems[0].Message)
                : null);
        }, cancellationToken);

    /// <summary>Replaces the roles of <paramref name="user"/> (Settings › Edit); unknown roles are <see cref="Invalid"/>.</summary>
    public Task<CrmResult<UserChanged>> AssignRolesAsync(TenantId tenant, UserId actor, UserId user, IReadOnlyCollection<RoleId> roles,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return ChangeUserAsync("tenants.assign_roles", tenant, actor, user, async (work, target) =>
        {
            var known = await work.Db.Roles.Where(r => roles.Contains(r.Id)).Select(r => r.Id).ToListAsync(work.Cancellation).ConfigureAwait(false);
            var unknown = roles.Except(known).Select(r => new Problem("roles", "user.roles.unknown", $"O papel {r.Value} não existe.")).ToList();
            if (unknown.Count > 0)
                return new Invalid(unknown);
            return target.AssignRoles(roles).TryPickT1(out var invalid, out _) ? (CrmResult<UserChanged>)invalid : null;
        }, cancellationToken);
    }

    /// <summary>Sets the manager of <paramref name="user"/> (Settings › Edit); a cycle or an unknown manager is <see cref="Invalid"/>.</summary>
    public Task<CrmResult<UserChanged>> SetManagerAsync(TenantId tenant, UserId actor, UserId user, UserId? manager,
        CancellationToken cancellationToken = default) =>
        ChangeUserAsync("tenants.set_manager", tenant, actor, user, async (work, target) =>
        {
            var users = await work.Db.Users.AsNoTracking().ToListAsync(work.Cancellation).ConfigureAwait(false);
            var hierarchy = Hierarchy.Of(users);
            if (!hierarchy.TryPickT0(out var lines, out var broken))
                return broken;
            return target.ReportTo(manager, lines).TryPickT1(out var invalid, out _) ? (CrmResult<UserChanged>)invalid : null;
        }, cancellationToken);

    /// <summary>Replaces the company/branch pairs <paramref name="user"/> works in (Settings › Edit).</summary>
    public Task<CrmResult<UserChanged>> AllowCompaniesAsync(TenantId tenant, UserId actor, UserId user, IReadOnlyCollection<CompanyBranch> pairs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return ChangeUserAsync("tenants.allow_companies", tenant, actor, user, (_, target) =>
        {
            target.AllowCompanies(pairs);
            return Task.FromResult<CrmResult<UserChanged>?>(null);
        }, cancellationToken);
    }

    /// <summary>The support user <c>suportecrm</c> provisioning created: the first actor of a new tenant (it assigns the first roles).</summary>
    public Task<CrmResult<UserId>> SupportUserAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _engine.Runner.RunAsync("tenants.support_user", tenant, null, async db =>
            await db.Users.AsNoTracking().Where(u => u.Login == User.SupportLogin).Select(u => (UserId?)u.Id)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } support
                ? CrmResult<UserId>.Of(support)
                : new NotFound("tenant", tenant.Value), cancellationToken);

    /// <summary>The tenant's roles with their permissions, by name (Settings › View).</summary>
    public Task<CrmResult<IReadOnlyList<Role>>> RolesAsync(TenantId tenant, UserId actor, CancellationToken cancellationToken = default) =>
        _engine.Session(tenant, actor).RunAsync("tenants.roles", Module.Settings, Permission.View, async work =>
            CrmResult<IReadOnlyList<Role>>.Of(await work.Db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(work.Cancellation).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>
    /// Defines a custom role: its name (unique in the tenant), its reach and its permission per module (Settings › Include);
    /// every problem of the definition is named in one <see cref="Invalid"/>.
    /// </summary>
    public Task<CrmResult<RoleSaved>> DefineRoleAsync(TenantId tenant, UserId actor, string name, DataReach reach, IReadOnlyCollection<ModuleGrant> grants,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return _engine.Session(tenant, actor).RunAsync("tenants.define_role", Module.Settings, Permission.Include, async work =>
        {
            if (!Role.Create(new RoleId(Guid.NewGuid()), tenant, name, reach, grants).TryPickT0(out var role, out var invalid))
                return invalid;
            if (await RoleNameTakenAsync(work, role) is { } taken)
                return taken;
            work.Db.Roles.Add(role);
            return await work.SaveAsync(role, version => new RoleSaved(role.Id, version)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes role <paramref name="role"/>'s name, reach and permissions (Settings › Edit), based on <paramref name="version"/>
    /// (a newer stored one is a <see cref="Crm.Persistence.Concurrency.Conflict"/>); a standard role keeps its name. The
    /// users holding it get the new permissions in their next session.
    /// </summary>
    public Task<CrmResult<RoleSaved>> ChangeRoleAsync(TenantId tenant, UserId actor, RoleId role, long version, string name, DataReach reach,
        IReadOnlyCollection<ModuleGrant> grants, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return _engine.Session(tenant, actor).RunAsync("tenants.change_role", Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.Roles.SingleOrDefaultAsync(r => r.Id == role, work.Cancellation).ConfigureAwait(false) is not { } stored)
                return new NotFound("role", role.Value);
            if (stored.Change(name, reach, grants).TryPickT1(out var invalid, out _))
                return invalid;
            if (await RoleNameTakenAsync(work, stored) is { } taken)
                return taken;
            work.Expect(stored, version);
            return await work.SaveAsync(stored, saved => new RoleSaved(role, saved)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The tenant's companies with their branches, by ERP code (Settings › View).</summary>
    public Task<CrmResult<IReadOnlyList<Company>>> CompaniesAsync(TenantId tenant, UserId actor, CancellationToken cancellationToken = default) =>
        _engine.Session(tenant, actor).RunAsync("tenants.companies", Module.Settings, Permission.View, async work =>
        {
            var companies = await work.Db.Companies.AsNoTracking().ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<Company>>.Of([.. companies.OrderBy(c => c.Details.ErpCode.Value, StringComparer.Ordinal).ThenBy(c => c.Id.Value)]);
        }, cancellationToken);

    /// <summary>
    /// Registers a company (Settings › Include), with <paramref name="id"/> when the host keeps its own ids (a company
    /// synchronized from the platform or the ERP), else a new one.
    /// </summary>
    public Task<CrmResult<CompanySaved>> RegisterCompanyAsync(TenantId tenant, UserId actor, UnitForm form, CompanyId? id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _engine.Session(tenant, actor).RunAsync("tenants.register_company", Module.Settings, Permission.Include, async work =>
        {
            var company = id ?? new CompanyId(Guid.NewGuid());
            if (!Company.Register(company, tenant, form).TryPickT0(out var registered, out var invalid))
                return invalid;
            work.Db.Companies.Add(registered);
            return await work.SaveAsync(new CompanySaved(company, null)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Adds a branch to <paramref name="company"/> (Settings › Edit); <paramref name="isMatriz"/> makes it the head office;
    /// <paramref name="id"/> as in <see cref="RegisterCompanyAsync"/>.
    /// </summary>
    public Task<CrmResult<CompanySaved>> AddBranchAsync(TenantId tenant, UserId actor, CompanyId company, UnitForm form, bool isMatriz = false,
        BranchId? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _engine.Session(tenant, actor).RunAsync("tenants.add_branch", Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.Companies.SingleOrDefaultAsync(c => c.Id == company, work.Cancellation).ConfigureAwait(false) is not { } stored)
                return new NotFound("company", company.Value);
            var branch = id ?? new BranchId(Guid.NewGuid());
            return stored.AddBranch(branch, form, isMatriz).TryPickT1(out var invalid, out _)
                ? invalid
                : await work.SaveAsync(new CompanySaved(company, branch)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes <paramref name="company"/>, or only its <paramref name="branch"/> (Settings › Delete); refused as
    /// <see cref="Invalid"/> while accounts, leads, users or SMTP/FTP settings reference it, naming them.
    /// </summary>
    public Task<CrmResult<CompanyDeleted>> DeleteCompanyAsync(TenantId tenant, UserId actor, CompanyId company, BranchId? branch = null,
        CancellationToken cancellationToken = default) =>
        _engine.Session(tenant, actor).RunAsync("tenants.delete_company", Module.Settings, Permission.Delete, async work =>
        {
            if (!await work.Db.Companies.AnyAsync(c => c.Id == company, work.Cancellation).ConfigureAwait(false))
                return new NotFound("company", company.Value);
            var deleted = branch is { } b
                ? await work.Db.DeleteBranchAsync(company, b, work.Cancellation).ConfigureAwait(false)
                : await work.Db.DeleteCompanyAsync(company, work.Cancellation).ConfigureAwait(false);
            return deleted.Match<CrmResult<CompanyDeleted>>(_ => new CompanyDeleted(company, branch), conflict => conflict, invalid => invalid);
        }, cancellationToken);

    /// <summary>The refusal of a role name another role of the tenant holds (names are unique, case ignored).</summary>
    private static async Task<Invalid?> RoleNameTakenAsync(UnitOfWork work, Role role)
    {
        var names = await work.Db.Roles.AsNoTracking().Where(r => r.Id != role.Id).Select(r => r.Name).ToListAsync(work.Cancellation).ConfigureAwait(false);
        return names.Contains(role.Name, StringComparer.OrdinalIgnoreCase)
            ? new Invalid(new Problem("name", RoleNameTakenCode, $"Já existe um papel chamado {role.Name}."))
            : null;
    }

    // Loads the user (tracked), applies the change (null: done; otherwise the refusal) and saves.
    private Task<CrmResult<UserChanged>> ChangeUserAsync(string useCase, TenantId tenant, UserId actor, UserId user,
        Func<UnitOfWork, User, Task<CrmResult<UserChanged>?>> change, CancellationToken cancellationToken) =>
        _engine.Session(tenant, actor).RunAsync(useCase, Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.Users.SingleOrDefaultAsync(u => u.Id == user, work.Cancellation).ConfigureAwait(false) is not { } target)
                return new NotFound("user", user.Value);
            if (await change(work, target).ConfigureAwait(false) is { } refused)
                return refused;
            return await work.SaveAsync(target, version => new UserChanged(user, version)).ConfigureAwait(false);
        }, cancellationToken);
}
