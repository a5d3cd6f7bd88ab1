using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using NodaTime;

namespace Broken.Crm;

/// <summary>An adapter whose constructor fails (a missing licence file, say): only its constructor ever runs.</summary>
public sealed class ThrowingAdapter : ErpAdapter<object>
{
    /// <summary>Always throws.</summary>
    public ThrowingAdapter() => throw new FileNotFoundException("The Broken ERP licence file was not found.", "broken.lic");

    /// <inheritdoc />
    public override AdapterDescriptor Descriptor => throw new NotSupportedException();
    /// <inheritdoc />
    public override IReadOnlyList<EligibilityRule> Rules => throw new NotSupportedException();
    /// <inheritdoc />
    public override FieldLimits Limits => throw new NotSupportedException();
    /// <inheritdoc />
    public override string Resource => throw new NotSupportedException();
    /// <inheritdoc />
    public override object ToPayload(Account account) => throw new NotSupportedException();
    /// <inheritdoc />
    public override RegistrationForm ToForm(object payload) => throw new NotSupportedException();
    /// <inheritdoc />
    public override ErpCustomerState ReadState(object payload, LocalDate today) => throw new NotSupportedException();
}
