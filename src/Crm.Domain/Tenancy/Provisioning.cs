using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Tenancy;

/// <summary>One thing provisioning creates, as data, so the host can store it and show its outcome.</summary>
/// <param name="Key">A stable key, e.g. <c>tenant</c>, <c>role:CRM - Diretor</c>, <c>user:suportecrm</c>.</param>
/// <param name="Description">What the step does, for the provisioning screen.</param>
public abstract record ProvisioningStep(string Key, string Description);

/// <summary>Stores the tenant.</summary>
/// <param name="Tenant">The tenant.</param>
public sealed record RegisterTenantStep(Tenant Tenant) : ProvisioningStep("tenant", $"Cadastrar o tenant {Tenant.Name}");

/// <summary>Stores a standard role.</summary>
/// <param name="Role">The role.</param>
public sealed record CreateRoleStep(Role Role) : ProvisioningStep($"role:{Role.Name}", $"Criar o papel {Role.Name}");

/// <summary>Stores the support user <c>suportecrm</c>, holding the Admin role.</summary>
/// <param name="User">The user.</param>
public sealed record CreateSupportUserStep(User User) : ProvisioningStep($"user:{User.Login}", $"Criar o usuário {User.Login}");

/// <summary>How a step ended.</summary>
public enum StepOutcome
{
    /// <summary>Applied now.</summary>
    Succeeded,
    /// <summary>Found done by an earlier run; skipped.</summary>
    AlreadyDone,
    /// <summary>Applied and refused; later steps did not run.</summary>
    Failed,
    /// <summary>Not attempted, because an earlier step failed.</summary>
    NotRun,
}

/// <summary>The outcome of one step.</summary>
/// <param name="Step">The step.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Problems">Why it failed; empty otherwise.</param>
public sealed record StepResult(ProvisioningStep Step, StepOutcome Outcome, IReadOnlyList<Problem> Problems);

/// <summary>What provisioning did, step by step, in order.</summary>
/// <param name="Steps">Every step's result.</param>
public sealed record ProvisioningReport(IReadOnlyList<StepResult> Steps)
{
    /// <summary>True when every step succeeded now or earlier: the tenant is ready.</summary>
    public bool Completed => Steps.All(s => s.Outcome is StepOutcome.Succeeded or StepOutcome.AlreadyDone);
}

/// <summary>What an earlier run left in the tenant, read by the host before planning (for idempotence).</summary>
/// <param name="TenantExists">The tenant is stored.</param>
/// <param name="Roles">The roles stored, by name.</param>
/// <param name="SupportUserExists">The user <c>suportecrm</c> is stored.</param>
public sealed record ProvisionedState(bool TenantExists, IReadOnlyDictionary<string, RoleId> Roles, bool SupportUserExists)
{
    /// <summary>Nothing provisioned yet.</summary>
    public static ProvisionedState Empty { get; } = new(false, new Dictionary<string, RoleId>(), false);
}

/// <summary>The port that stores a step (implemented by the persistence layer); expected failures come back as <see cref="Invalid"/>.</summary>
public interface IProvisioningTarget
{
    /// <summary>Stores what <paramref name="step"/> creates.</summary>
    OneOf<Success, Invalid> Apply(ProvisioningStep step);
}

/// <summary>
/// Tenant provisioning (seed 001, "Criação do tenant no CRM" and "Cadastros padrões") as a plan: store the tenant, create
/// the roles Admin, CRM - Diretor, CRM - Coordenador and CRM - Usuário, then the support user <c>suportecrm</c> as Admin.
/// Steps an earlier run completed are marked already done, so running again after a failure resumes where it stopped.
/// </summary>
public sealed class ProvisioningPlan
{
    private readonly IReadOnlyList<(ProvisioningStep Step, bool Done)> _steps;

    private ProvisioningPlan(IReadOnlyList<(ProvisioningStep, bool)> steps) => _steps = steps;

    /// <summary>The steps in order, each with whether an earlier run already did it.</summary>
    public IReadOnlyList<(ProvisioningStep Step, bool Done)> Steps => _steps;

    /// <summary>
    /// The plan for a tenant, given what already exists; <paramref name="newId"/> supplies the ids of what is created
    /// (existing roles keep theirs, so the support user is linked to the stored Admin role). Invalid when the request is.
    /// </summary>
    public static OneOf<ProvisioningPlan, Invalid> For(
        TenantId id, string name, Package package, DefaultIntegration? defaultIntegration, ProvisionedState state, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(newId);
        var created = Tenant.Create(id, name, package, defaultIntegration);
        if (created.TryPickT1(out var invalid, out var tenant))
            return invalid;

        var steps = new List<(ProvisioningStep, bool)> { (new RegisterTenantStep(tenant), state.TenantExists) };
        var roleIds = new Dictionary<StandardRole, RoleId>();
        foreach (var definition in StandardRoles.All)
        {
            var existing = state.Roles.TryGetValue(definition.Name, out var stored);
            roleIds[definition] = existing ? stored : new RoleId(newId());
            steps.Add((new CreateRoleStep(Role.Standard(roleIds[definition], id, definition)), existing));
        }
        steps.Add((new CreateSupportUserStep(User.Support(new UserId(newId()), id, roleIds[StandardRoles.Admin])), state.SupportUserExists));
        return new ProvisioningPlan(steps);
    }

    /// <summary>Applies the pending steps in order through <paramref name="target"/>; the first failure stops the rest.</summary>
    public ProvisioningReport Run(IProvisioningTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var results = new List<StepResult>();
        var failed = false;
        foreach (var (step, done) in _steps)
        {
            if (failed)
                results.Add(new StepResult(step, StepOutcome.NotRun, []));
            else if (done)
                results.Add(new StepResult(step, StepOutcome.AlreadyDone, []));
            else
            {
                var applied = target.Apply(step);
                failed = applied.IsT1;
                results.Add(new StepResult(step, failed ? StepOutcome.Failed : StepOutcome.Succeeded, failed ? applied.AsT1.Problems : []));
            }
        }
        return new ProvisioningReport(results);
    }
}
