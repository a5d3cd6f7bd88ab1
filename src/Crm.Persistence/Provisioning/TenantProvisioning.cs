using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using OneOf;
using OneOf.Types;

namespace Crm.Persistence.Provisioning;

/// <summary>
/// Runs the domain's <see cref="ProvisioningPlan"/> against the database: each step (tenant, each standard role, the
/// support user) is written and committed on its own, so the report says exactly which steps are in the database.
/// Running it again resumes: what exists is reported as already done and never duplicated.
/// </summary>
public sealed class TenantProvisioning(CrmDatabase database)
{
    /// <summary>Provisions <paramref name="tenant"/>; the report lists every step's outcome, or the request's problems.</summary>
    public async Task<Outcome<ProvisioningReport>> ProvisionAsync(TenantId tenant, string name, Package package,
        DefaultIntegration? defaultIntegration, CancellationToken cancellationToken = default)
    {
        await using var db = database.Open(tenant);
        var state = await StateAsync(db, cancellationToken).ConfigureAwait(false);
        var plan = ProvisioningPlan.For(tenant, name, package, defaultIntegration, state, Guid.NewGuid);
        return plan.TryPickT1(out var invalid, out var ready) ? invalid : ready.Run(new Target(db));
    }

    private static async Task<ProvisionedState> StateAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var tenantExists = await db.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false);
        var roles = await db.Roles.Where(r => r.IsStandard).ToDictionaryAsync(r => r.Name, r => r.Id, cancellationToken).ConfigureAwait(false);
        var support = await db.Users.AnyAsync(u => u.Login == User.SupportLogin, cancellationToken).ConfigureAwait(false);
        return new ProvisionedState(tenantExists, roles, support);
    }

    /// <summary>Writes one step and commits it; a database failure becomes the step's problem, never an exception.</summary>
    private sealed class Target(CrmDbContext db) : IProvisioningTarget
    {
        public Outcome<Success> Apply(ProvisioningStep step)
        {
            ArgumentNullException.ThrowIfNull(step);
            object created = step switch
            {
                RegisterTenantStep s => db.Tenants.Add(s.Tenant).Entity,
                CreateRoleStep s => db.Roles.Add(s.Role).Entity,
                CreateSupportUserStep s => db.Users.Add(s.User).Entity,
                _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown provisioning step."),
            };
            try
            {
                db.SaveChanges();
                return new Success();
            }
            catch (DbUpdateException e)
            {
                db.Entry(created).State = EntityState.Detached;
                return new Invalid(new Problem(step.Key, "provisioning.step_failed",
                    $"Falha ao gravar a etapa \"{step.Description}\": {e.InnerException?.Message ?? e.Message}"));
            }
        }
    }
}
