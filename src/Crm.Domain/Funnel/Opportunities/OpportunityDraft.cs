using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using NodaTime;

namespace Crm.Domain.Funnel.Opportunities;

/// <summary>The editable fields of an opportunity as a user submits them; validated as a whole.</summary>
/// <param name="Title">A short name for the deal.</param>
/// <param name="Account">The account (lead, prospect or customer) it is with.</param>
/// <param name="Owner">The user responsible for it.</param>
/// <param name="Value">The expected value, possibly in a foreign currency.</param>
/// <param name="Quantity">The quantity, when quantitative goals are on.</param>
/// <param name="ExpectedClose">The business date the deal is expected to close.</param>
/// <param name="Description">Free text.</param>
/// <param name="Source">Where it came from.</param>
public sealed record OpportunityDraft(
    string? Title,
    AccountId Account,
    UserId Owner,
    Money? Value = null,
    Quantity? Quantity = null,
    LocalDate? ExpectedClose = null,
    string? Description = null,
    string? Source = null);
