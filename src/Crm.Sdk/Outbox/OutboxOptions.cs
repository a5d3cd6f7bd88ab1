namespace Crm.Sdk.Outbox;

/// <summary>
/// How the ERP outbox is dispatched (<see cref="CrmOptions.Outbox"/>; configuration section <c>Crm:Outbox</c>), read at each
/// dispatch round: a change takes effect at the next one.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>Whether the hosted dispatcher runs in a generic host (default true); <see cref="OutboxDispatcher.DispatchPendingAsync"/> works either way.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How long the hosted dispatcher waits between rounds when nothing was due (default 5 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many messages one claim takes at most (default 100).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many messages of a claim are sent at once (default 4; one account's messages are never sent at once).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>After this many failed attempts a message is parked with its last error (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a claim holds its messages (default 2 min): a dispatcher killed while sending leaves them to another after
    /// this. A message is sent only while at least half of its claim's lease is left (the rest of a large round goes back to
    /// the queue), so the lease must be at least twice what a send may take (the transport's total timeout, 30 s by default).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure (default 2 s); it doubles with each further failure, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts (default 10 min).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Every problem of these options, for the start-up validation.</summary>
    internal IEnumerable<string> Failures()
    {
        if (Interval <= TimeSpan.Zero)
            yield return "Crm: Outbox:Interval must be positive.";
        if (BatchSize is < 1 or > 10_000)
            yield return "Crm: Outbox:BatchSize must be between 1 and 10000.";
        if (Concurrency is < 1 or > 64)
            yield return "Crm: Outbox:Concurrency must be between 1 and 64.";
        if (MaxAttempts < 1)
            yield return "Crm: Outbox:MaxAttempts must be at least 1.";
        if (Lease < TimeSpan.FromSeconds(1))
            yield return "Crm: Outbox:Lease must be at least 1 second.";
        if (RetryDelay <= TimeSpan.Zero)
            yield return "Crm: Outbox:RetryDelay must be positive.";
        if (MaxRetryDelay < RetryDelay)
            yield return "Crm: Outbox:MaxRetryDelay must be at least RetryDelay.";
    }
}
