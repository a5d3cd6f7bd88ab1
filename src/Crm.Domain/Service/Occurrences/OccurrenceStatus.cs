namespace Crm.Domain.Service.Occurrences;

/// <summary>Where an occurrence is in its life: open → answered → closed, and nothing else.</summary>
public enum OccurrenceStatus
{
    /// <summary>Registered, waiting for the company's answer; its response time is running.</summary>
    Open,

    /// <summary>The customer was answered; its response time is fixed.</summary>
    Answered,

    /// <summary>Finished; nothing on it changes any more.</summary>
    Closed,
}
