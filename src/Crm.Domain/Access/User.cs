using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Tenancy;
using Crm.Domain.Texts;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Access;

/// <summary>Whether a user may use the CRM.</summary>
public enum UserStatus
{
    /// <summary>Synced from the platform but not activated (paid packages wait for CRM support), or deactivated.</summary>
    Inactive,
    /// <summary>May sign in and work.</summary>
    Active,
}

/// <summary>
/// A CRM user (seed 001, "Gestão de usuários no CRM"): created on the platform and synced here, with its roles, department
/// and function, manager (<i>subordinado de</i>), the company/branch pairs it works in, and whether it sees every chart of
/// <i>Meu Portal</i>.
/// </summary>
public sealed class User
{
    /// <summary>The login of the support user that provisioning creates.</summary>
    public const string SupportLogin = "suportecrm";

    /// <summary>The longest login or name accepted.</summary>
    public const int MaxTextLength = TextLimits.UserText;

    private readonly List<RoleId> _roles = [];
    private readonly List<CompanyBranch> _companies = [];

    private User() { }

    /// <summary>Its id.</summary>
    public UserId Id { get; private set; }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; private set; }

    /// <summary>The platform login, lower case, unique in the tenant.</summary>
    public string Login { get; private set; } = "";

    /// <summary>The full name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The e-mail notifications go to.</summary>
    public Email? Email { get; private set; }

    /// <summary>Active or not.</summary>
    public UserStatus Status { get; private set; }

    /// <summary>True for <c>suportecrm</c>, the CRM support user, the one that activates users on paid packages.</summary>
    public bool IsSupport { get; private set; }

    /// <summary>Its department.</summary>
    public DepartmentId? Department { get; private set; }

    /// <summary>Its function.</summary>
    public JobFunctionId? Function { get; private set; }

    /// <summary>Its manager (<i>subordinado de</i>), another CRM user.</summary>
    public UserId? Manager { get; private set; }

    /// <summary>Whether it sees every chart of <i>Meu Portal</i> (otherwise the restricted set).</summary>
    public bool SeesAllPortalCharts { get; private set; }

    /// <summary>Its roles; permissions are their union.</summary>
    public IReadOnlyList<RoleId> Roles => _roles;

    /// <summary>The company/branch pairs it may include, view, edit and delete data in.</summary>
    public IReadOnlyList<CompanyBranch> Companies => _companies;

    /// <summary>
    /// A user synced from the platform: no roles yet, active at once only on Freemium (<see cref="Activation.OnArrival"/>).
    /// </summary>
    public static Outcome<User> Arrive(UserId id, TenantId tenantId, string login, string name, string? email, Package package)
    {
        var problems = new ProblemCollector("user");
        var cleanLogin = Required(login, "login", "Informe o login do usuário.", ref problems)?.ToLowerInvariant();
        var cleanName = Required(name, "name", "Informe o nome do usuário.", ref problems);
        var parsedEmail = problems.ParseOptional(email, Registry.Email.Parse, "email");
        if (problems.HasErrors)
            return problems.ToInvalid();
        return new User
        {
            Id = id, TenantId = tenantId, Login = cleanLogin!, Name = cleanName!, Email = parsedEmail,
            Status = Activation.OnArrival(package),
        };
    }

    /// <summary>The support user <c>suportecrm</c>: active from the start (it activates the others) and platform Admin.</summary>
    internal static User Support(UserId id, TenantId tenantId, RoleId adminRole)
    {
        var user = new User
        {
            Id = id, TenantId = tenantId, Login = SupportLogin, Name = "Suporte CRM", Status = UserStatus.Active, IsSupport = true,
            SeesAllPortalCharts = true,
        };
        user._roles.Add(adminRole);
        return user;
    }

    /// <summary>Activates the user; on Starter and Advanced only CRM support may (<see cref="Activation.CanActivate"/>).</summary>
    public Outcome<Success> Activate(User by, Package package)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Activation.CanActivate(by, package))
            return new Invalid(new Problem("status", AccessCodes.UserActivationSupportOnly,
                $"No pacote {package}, a ativação de usuários é feita pelo suporte do CRM."));
        Status = UserStatus.Active;
        return new Success();
    }

    /// <summary>Deactivates the user (it keeps its data and roles); the support user cannot be deactivated.</summary>
    public Outcome<Success> Deactivate()
    {
        if (IsSupport)
            return new Invalid(new Problem("status", AccessCodes.UserSupportDeactivate, "O usuário de suporte do CRM não pode ser inativado."));
        Status = UserStatus.Inactive;
        return new Success();
    }

    /// <summary>Sets department, function and the <i>Meu Portal</i> chart preference.</summary>
    public void Describe(DepartmentId? department, JobFunctionId? function, bool seesAllPortalCharts) =>
        (Department, Function, SeesAllPortalCharts) = (department, function, seesAllPortalCharts);

    /// <summary>Replaces the roles: one or more, repeats ignored.</summary>
    public Outcome<Success> AssignRoles(IEnumerable<RoleId> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var distinct = roles.Distinct().ToList();
        if (distinct.Count == 0)
            return new Invalid(new Problem("roles", AccessCodes.UserRolesRequired, "O usuário deve ter ao menos um papel."));
        _roles.Clear();
        _roles.AddRange(distinct);
        return new Success();
    }

    /// <summary>
    /// Sets the manager (null: reports to nobody). The manager must be a user of the hierarchy and the change must not
    /// close a cycle (see <see cref="Hierarchy.CheckManager"/>).
    /// </summary>
    public Outcome<Success> ReportTo(UserId? manager, Hierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        var check = hierarchy.CheckManager(Id, manager);
        if (check.TryPickT1(out var invalid, out _))
            return invalid;
        Manager = manager;
        return new Success();
    }

    /// <summary>
    /// Replaces the company/branch pairs. Repeats are dropped, and so is a branch pair whose whole company is already listed.
    /// </summary>
    public void AllowCompanies(IEnumerable<CompanyBranch> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var distinct = pairs.Distinct().ToList();
        _companies.Clear();
        _companies.AddRange(distinct.Where(p => p.Branch is null || !distinct.Contains(new CompanyBranch(p.Company, null))));
    }

    private static string? Required(string text, string field, string message, ref ProblemCollector problems)
    {
        var clean = problems.Text(text, field);
        if (clean is null)
            problems.Add(field, $"{field}.required", message);
        else if (TextRule.IsLongerThan(clean, MaxTextLength))
            problems.Add(field, $"{field}.too_long", $"No máximo {MaxTextLength} caracteres.");
        return clean;
    }
}
