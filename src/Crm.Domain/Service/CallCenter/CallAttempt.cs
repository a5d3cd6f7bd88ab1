using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Service.CallCenter;

/// <summary>One call to a campaign's contact: when, by whom, how it ended and what the caller noted.</summary>
/// <param name="At">When the attempt was recorded.</param>
/// <param name="By">The operator who called.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Note">What the operator noted, if anything.</param>
public sealed record CallAttempt(Instant At, UserId By, AttemptOutcome Outcome, string? Note)
{
    /// <summary>True when the outcome leaves nothing more to call about.</summary>
    public bool Finishes => Outcome is AttemptOutcome.WrongNumber or AttemptOutcome.Refused or AttemptOutcome.Succeeded;
}
