namespace Crm.Sdk.Matrices;

/// <summary>
/// How the engine keeps the tenants' stored matrices in memory (<see cref="CrmOptions.Matrices"/>; configuration section
/// <c>Crm:Matrices</c>).
/// </summary>
public sealed class MatrixCacheOptions
{
    /// <summary>
    /// A tenant whose matrices no order or save used for this long is dropped from memory, and loaded again in full at its next
    /// use (default 1 h); null or zero: kept for the life of the engine.
    /// </summary>
    public TimeSpan? IdleTenantExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every problem of these options, for the start-up validation.</summary>
    internal IEnumerable<string> Failures()
    {
        if (IdleTenantExpiry < TimeSpan.Zero)
            yield return "Crm: Matrices:IdleTenantExpiry cannot be negative.";
    }
}
