using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Leads;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;

namespace Crm.Sdk.Accounts;

/// <summary>An account was registered or updated.</summary>
/// <param name="Id">The account.</param>
/// <param name="Version">Its stored version now; pass it to the next update.</param>
/// <param name="Warnings">Warnings of the registration (duplicate alerts, IE prefix doubts).</param>
public sealed record AccountSaved(AccountId Id, long Version, IReadOnlyList<Problem> Warnings);

/// <summary>An account as stored.</summary>
/// <param name="Account">The aggregate.</param>
/// <param name="Version">Its stored version; pass it to an update.</param>
public sealed record AccountRead(Account Account, long Version);

/// <summary>Two accounts were merged.</summary>
/// <param name="Survivor">The account that remains.</param>
/// <param name="Absorbed">The account merged away (kept read-only, pointing at the survivor).</param>
/// <param name="ContactsMoved">How many contacts moved to the survivor.</param>
/// <param name="Warnings">Warnings of the combined registration.</param>
public sealed record AccountsMerged(AccountId Survivor, AccountId Absorbed, int ContactsMoved, IReadOnlyList<Problem> Warnings);

/// <summary>A form passed every rule and the database checks (nothing was written).</summary>
/// <param name="Warnings">The warnings it would be saved with.</param>
public sealed record RegistrationChecked(IReadOnlyList<Problem> Warnings);

/// <summary>A lead was registered or updated.</summary>
/// <param name="Id">The lead.</param>
/// <param name="Version">Its stored version now.</param>
/// <param name="Warnings">Warnings of the registration.</param>
public sealed record LeadSaved(LeadId Id, long Version, IReadOnlyList<Problem> Warnings);

/// <summary>A lead as stored.</summary>
/// <param name="Lead">The aggregate.</param>
/// <param name="Version">Its stored version.</param>
public sealed record LeadRead(Lead Lead, long Version);

/// <summary>What a lead converts into, as completed on the conversion screen.</summary>
/// <param name="AccountForm">The registration as completed for the account; the lead's own when null.</param>
/// <param name="Target">Customer, or customer with a service.</param>
/// <param name="Service">The service contracted, for <see cref="ConversionTarget.CustomerWithService"/>.</param>
public sealed record ConversionRequest(RegistrationForm? AccountForm = null, ConversionTarget Target = ConversionTarget.Customer,
    CustomerServiceRequest? Service = null);

/// <summary>A lead was converted into an account.</summary>
/// <param name="Account">The new account.</param>
/// <param name="Lead">The lead, now converted and read-only.</param>
/// <param name="ContactsMoved">How many of the lead's contacts are now the account's.</param>
/// <param name="Service">The service contracted, when converting to a customer with a service (returned, not stored: the service module comes later).</param>
/// <param name="Warnings">Warnings of the account's registration.</param>
public sealed record LeadConverted(AccountId Account, LeadId Lead, int ContactsMoved, CustomerService? Service, IReadOnlyList<Problem> Warnings);

/// <summary>A contact was added or updated.</summary>
/// <param name="Id">The contact.</param>
/// <param name="Version">Its stored version now.</param>
public sealed record ContactSaved(ContactId Id, long Version);

/// <summary>A contact as stored.</summary>
/// <param name="Contact">The aggregate.</param>
/// <param name="Version">Its stored version.</param>
public sealed record ContactRead(Contact Contact, long Version);
