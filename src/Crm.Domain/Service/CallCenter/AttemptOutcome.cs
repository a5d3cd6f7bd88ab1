namespace Crm.Domain.Service.CallCenter;

/// <summary>
/// How one call attempt ended. <see cref="NoAnswer"/>, <see cref="Busy"/> and <see cref="CallBack"/> leave the contact to be
/// called again; the others finish it.
/// </summary>
public enum AttemptOutcome
{
    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>The contact asked to be called another time.</summary>
    CallBack,

    /// <summary>The number does not reach the contact.</summary>
    WrongNumber,

    /// <summary>The contact was reached and declined (no sale, no payment promise, no interest).</summary>
    Refused,

    /// <summary>The contact was reached and the campaign's aim met: the message delivered, the sale made, the payment promised.</summary>
    Succeeded,
}
