using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Tenancy;
using FsCheck.Xunit;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Tests.Tenancy;

/// <summary>Provisioning interrupted at any step and resumed any number of times applies every step exactly once.</summary>
public class ProvisioningProperties
{
    /// <summary>A store that refuses the steps listed in <c>failures</c>, one refusal per run, in order.</summary>
    private sealed class FlakyStore(Queue<int> failures) : IProvisioningTarget
    {
        private int _calls;

        public List<ProvisioningStep> Applied { get; } = [];

        public OneOf<Success, Invalid> Apply(ProvisioningStep step)
        {
            if (failures.Count > 0 && _calls++ == failures.Peek())
            {
                failures.Dequeue();
                _calls = 0;
                return new Invalid(new Problem("", "store.down", "Falha."));
            }
            Applied.Add(step);
            return new Success();
        }

        public void NewRun() => _calls = 0;

        public ProvisionedState State() => new(
            Applied.OfType<RegisterTenantStep>().Any(),
            Applied.OfType<CreateRoleStep>().ToDictionary(s => s.Role.Name, s => s.Role.Id),
            Applied.OfType<CreateSupportUserStep>().Any());
    }

    [Property]
    public bool Resuming_after_failures_completes_with_each_step_applied_once(byte[] failAt)
    {
        var tenant = new TenantId(Guid.NewGuid());
        var store = new FlakyStore(new Queue<int>(failAt.Take(5).Select(b => b % 6)));
        ProvisioningReport report;
        var runs = 0;
        do
        {
            store.NewRun();
            report = ProvisioningPlan.For(tenant, "Tenant", Package.Starter, null, store.State(), Guid.NewGuid).AsT0.Run(store);
            var failed = report.Steps.Count(s => s.Outcome == StepOutcome.Failed);
            if (failed > 1 || (failed == 1) == report.Completed)
                return false;
        }
        while (!report.Completed && ++runs < 10);

        return report.Completed && store.Applied.Select(s => s.Key).Distinct().Count() == 6 && store.Applied.Count == 6;
    }
}
