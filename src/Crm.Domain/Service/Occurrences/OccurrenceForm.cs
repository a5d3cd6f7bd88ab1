using Crm.Domain.Identity;

namespace Crm.Domain.Service.Occurrences;

/// <summary>The editable fields of an occurrence as a user submits them; validated as a whole.</summary>
/// <param name="Account">The customer's account (required).</param>
/// <param name="Channel">How the customer reached the company (required).</param>
/// <param name="Reason">The code of a configured <see cref="ServiceReason"/> (required).</param>
/// <param name="Description">What the customer asked or complained about (required; may span lines).</param>
/// <param name="Contact">The contact person of the account.</param>
/// <param name="Product">The code of the product or service it is about (the ERP item code).</param>
/// <param name="Attendant">The user responsible for answering it.</param>
/// <param name="Priority">How urgent it is; <see cref="OccurrencePriority.Normal"/> when empty.</param>
public sealed record OccurrenceForm(
    AccountId Account,
    ServiceChannel? Channel,
    string? Reason,
    string? Description,
    ContactId? Contact = null,
    string? Product = null,
    UserId? Attendant = null,
    OccurrencePriority? Priority = null);
