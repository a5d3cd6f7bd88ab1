using Humanizer;
using System.Text.Json.Serialization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Mapping;
using NodaTime;

namespace Acme.Crm;

/// <summary>The customer payload of the (fictitious) Acme ERP.</summary>
public sealed record AcmeCustomer
{
    /// <summary>Acme's customer code.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }
    /// <summary>Legal name, up to 50.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>CPF or CNPJ digits.</summary>
    [JsonPropertyName("document")] public string? Document { get; init; }
    /// <summary>E-mail, up to 80.</summary>
    [JsonPropertyName("email")] public string? Email { get; init; }
    /// <summary>Street line, up to 60.</summary>
    [JsonPropertyName("street")] public string? Street { get; init; }
    /// <summary>City, up to 40.</summary>
    [JsonPropertyName("city")] public string? City { get; init; }
    /// <summary>UF.</summary>
    [JsonPropertyName("uf")] public string? Uf { get; init; }
    /// <summary>CEP.</summary>
    [JsonPropertyName("cep")] public string? Cep { get; init; }
    /// <summary>Whether Acme considers the customer active.</summary>
    [JsonPropertyName("active")] public bool Active { get; init; } = true;
}

/// <summary>An adapter written outside the product, discovered in a plugin folder.</summary>
public sealed class AcmeAdapter : ErpAdapter<AcmeCustomer>
{
    private static readonly ErpId Acme = ErpId.Of("acme");
    private static readonly FieldLimits AcmeLimits = new(
    [
        new("customer.name", "name", 50, RegistrationField.LegalName),
        new("customer.email", "email", 80),
        new("customer.street", "street", 60),
        new("customer.city", "city", 40),
    ]);

    private readonly EligibilityRules _rules;

    /// <summary>Creates the adapter; its name comes through Humanizer, a package the host does not have.</summary>
    public AcmeAdapter()
    {
        Descriptor = new(Acme, "acme".Titleize() + " ERP", ErpCapabilities.ExportAccounts | ErpCapabilities.AccountStatus, new ContractVersion(1, 0));
        var rules = new AccountRules(Acme, "Acme");
        _rules = new EligibilityRules(
        [
            rules.FitsIn(RegistrationField.LegalName, 50, static a => a.Data.LegalName),
            rules.TaxIdAsClientTypeRequires(),
            rules.GeneralEmailPresent(),
            rules.AddressPresent(AddressKind.Correspondence),
        ]);
    }

    /// <inheritdoc />
    /// <remarks>Built for contract 1.0 (it uses nothing newer), so hosts of any 1.x load it.</remarks>
    public override AdapterDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override IReadOnlyList<EligibilityRule> Rules => _rules.All;

    /// <inheritdoc />
    public override FieldLimits Limits => AcmeLimits;

    /// <summary>What its rules require, and its lengths, for "consider the ERP's mandatory fields".</summary>
    public override global::Crm.Domain.Accounts.Configuration.ErpFieldRequirements FieldRequirements =>
        AcmeLimits.Requirements("Acme", [RegistrationField.Email, RegistrationField.CorrespondenceAddress]);

    /// <inheritdoc />
    public override string Resource => "customers";

    /// <inheritdoc />
    public override AcmeCustomer ToPayload(Account account)
    {
        var main = account.Data.AddressOf(AddressKind.Correspondence);
        return new AcmeCustomer
        {
            Code = ErpCodeOf(account),
            Name = PayloadText.Fit(account.Data.LegalName, 50),
            Document = account.Data.TaxId?.Digits,
            Email = PayloadText.Fit(account.Data.GeneralEmail(), 80),
            Street = main is null ? null : PayloadText.Fit(PayloadText.StreetLine(main.Street, main.Number), 60),
            City = PayloadText.Fit(main?.City, 40),
            Uf = main?.Uf?.ToString(),
            Cep = main?.Cep?.Value,
            Active = account.ErpSituation != ErpSituation.Inactive,
        };
    }

    /// <inheritdoc />
    public override RegistrationForm ToForm(AcmeCustomer payload)
    {
        var (street, number) = PayloadText.SplitStreetLine(payload.Street ?? "");
        return new RegistrationForm
        {
            Kind = payload.Document is { Length: 11 } ? PersonKind.Fisica : PersonKind.Juridica,
            LegalName = payload.Name,
            ShortName = payload.Name is { } name ? PayloadText.Fit(name, 30) : null,
            TaxId = payload.Document,
            Emails = payload.Email is { } email ? [new EmailForm(email)] : [],
            Addresses = payload.Street is null ? [] : [new AddressForm(AddressKind.Correspondence, street, number, null, null, payload.City, payload.Uf, payload.Cep)],
        };
    }

    /// <inheritdoc />
    public override ErpCustomerState ReadState(AcmeCustomer payload, LocalDate today) =>
        payload.Code is { } code ? new ErpCustomerState(code, payload.Active ? ErpSituation.Active : ErpSituation.Inactive) : ErpCustomerState.NotIntegrated;
}
