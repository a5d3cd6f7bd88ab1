using Crm.Adapters.Mega;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Tests.Discovery;

/// <summary>
/// Another vendor's adapter claiming any ERP id and contract version, for the start-up checks; it behaves as the Mega
/// adapter it wraps. Public without a parameterless constructor, so scanning this assembly must refuse it.
/// </summary>
public sealed class OtherVendorAdapter(ErpId erp, ContractVersion builtFor) : IErpAdapter
{
    private readonly MegaAdapter _inner = new();

    public AdapterDescriptor Descriptor { get; } = new(erp, "Other Vendor ERP", ErpCapabilities.ExportAccounts, builtFor);
    public IReadOnlyList<EligibilityRule> Rules => _inner.Rules;
    public FieldLimits Limits => _inner.Limits;
    public ErpFieldRequirements FieldRequirements => _inner.FieldRequirements;
    public EligibilityResult Evaluate(Account account, EligibilityContext context) => _inner.Evaluate(account, context);
    public ErpMessage Prepare(Account account) => _inner.Prepare(account);
    public RegistrationForm ToForm(string body) => _inner.ToForm(body);
    public ErpCustomerState ReadState(string body, LocalDate today) => _inner.ReadState(body, today);
}
