using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Accounts.Leads;

/// <summary>What a lead converts into (seed 004: an ISP's prospect card converts "to customer" or "to customer service").</summary>
public enum ConversionTarget
{
    /// <summary>An account (customer).</summary>
    Customer,

    /// <summary>An account and the service it contracts (an ISP's internet plan at an installation address).</summary>
    CustomerWithService,
}

/// <summary>The service requested when converting to <see cref="ConversionTarget.CustomerWithService"/>.</summary>
/// <param name="Plan">The plan or product code contracted.</param>
/// <param name="InstallationAddress">Which address the service is installed at; the default delivery address (or, without
/// delivery places, the correspondence address) when null.</param>
public sealed record CustomerServiceRequest(string? Plan, AddressKind? InstallationAddress = null);

/// <summary>A service the new customer contracted at conversion.</summary>
/// <param name="Account">The customer.</param>
/// <param name="Plan">The plan contracted.</param>
/// <param name="Installation">Where it is installed.</param>
/// <param name="RequestedAt">When it was requested.</param>
public sealed record CustomerService(AccountId Account, string Plan, Address Installation, Instant RequestedAt);

/// <summary>A completed conversion.</summary>
/// <param name="Account">The new account, carrying the lead's data, history and its own conversion entries.</param>
/// <param name="Lead">The lead, now converted and read-only.</param>
/// <param name="Contacts">The lead's contacts, now the account's.</param>
/// <param name="Service">The contracted service, for <see cref="ConversionTarget.CustomerWithService"/>.</param>
/// <param name="Warnings">Warnings of the account's validation (duplicate alerts...).</param>
public sealed record Conversion(Account Account, Lead Lead, IReadOnlyList<Contact> Contacts, CustomerService? Service,
    IReadOnlyList<Problem> Warnings);

/// <summary>
/// Lead → account conversion. The lead's data (as completed on the conversion screen) is validated again under the account
/// rules — including the ERP's mandatory fields when that parameter is on — and the account is created with every address,
/// phone, e-mail and observation, the lead's whole history, and the lead's contacts moved to it.
/// </summary>
public static class LeadConversion
{
    /// <summary>
    /// Converts <paramref name="lead"/> into account <paramref name="accountId"/>, or lists every problem. Nothing changes
    /// unless it succeeds.
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <param name="contacts">All the lead's contacts.</param>
    /// <param name="accountId">The id of the new account.</param>
    /// <param name="context">The account context (settings, short-name owner, duplicate check); validated as an account.</param>
    /// <param name="by">Who converts.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="accountForm">The registration as completed for the account; the lead's own when null.</param>
    /// <param name="target">Customer, or customer with a service.</param>
    /// <param name="service">The service, for <see cref="ConversionTarget.CustomerWithService"/>.</param>
    public static Outcome<Conversion> Convert(Lead lead, IReadOnlyList<Contact> contacts, AccountId accountId,
        RegistrationContext context, UserId by, IClock clock, RegistrationForm? accountForm = null,
        ConversionTarget target = ConversionTarget.Customer, CustomerServiceRequest? service = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        if (contacts.Any(c => !c.Owner.Equals((RegistrationRef)lead.Id)))
            throw new ArgumentException("Every contact must belong to the lead.", nameof(contacts));

        var problems = new ProblemCollector();
        if (lead.Status == LeadStatus.Converted)
            problems.Add(new Problem("lead", AccountCodes.ConversionLeadConverted, $"O lead já foi convertido na conta {lead.ConvertedTo?.Value}."));
        var result = RegistrationRules.Validate(accountForm ?? lead.Data.ToForm(),
            context with { Kind = RegistrationKind.Account, Self = accountId });
        problems.AddRange(result.Problems);
        var valid = result.IsValid ? result.AsT0 : null;
        var installation = target == ConversionTarget.CustomerWithService ? Installation(valid?.Data, service, ref problems) : null;
        if (valid is null || problems.HasErrors)
            return problems.ToInvalid();

        var account = Account.FromLead(accountId, lead, valid, by, clock);
        lead.MarkConverted(accountId, by, clock);
        foreach (var contact in contacts)
            contact.MoveTo(accountId, by, clock);
        var contracted = installation is null ? null : new CustomerService(accountId, service!.Plan!.Trim(), installation, clock.GetCurrentInstant());
        return new Conversion(account, lead, contacts, contracted, valid.Warnings);
    }

    // The plan is always checked; the address only once the data is valid.
    private static Address? Installation(RegistrationData? data, CustomerServiceRequest? service, ref ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(service?.Plan))
            problems.Add(new Problem("service.plan", AccountCodes.ConversionServicePlanRequired, "Informe o plano contratado pelo cliente."));
        if (data is null)
            return null;
        var address = service?.InstallationAddress is { } kind
            ? data.AddressOf(kind)
            : data.AddressOf(AddressKind.Delivery) ?? data.AddressOf(AddressKind.Correspondence);
        if (address is null)
            problems.Add(new Problem("service.installation_address", AccountCodes.ConversionServiceAddressRequired,
                "Informe o endereço de instalação do serviço."));
        return address;
    }
}
