namespace Crm.Domain.Service.Occurrences;

/// <summary>How urgent an occurrence is; <see cref="Normal"/> when the form leaves it empty.</summary>
public enum OccurrencePriority
{
    /// <summary>Can wait.</summary>
    Low,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>Before the normal ones.</summary>
    High,

    /// <summary>At once.</summary>
    Urgent,
}
