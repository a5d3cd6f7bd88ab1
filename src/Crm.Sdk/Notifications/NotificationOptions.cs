using NodaTime;

namespace Crm.Sdk.Notifications;

/// <summary>
/// How notification e-mails are written (<see cref="CrmOptions.Notifications"/>; configuration section <c>Crm:Notifications</c>).
/// Their dispatch is paced by <see cref="Outbox.OutboxOptions"/> (<c>Crm:Outbox</c>: batch size, concurrency, attempts, lease,
/// retry delays, background interval), shared with the ERP outbox.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>The IANA time zone the e-mails show dates in (default <c>America/Sao_Paulo</c>).</summary>
    public string TimeZone { get; set; } = "America/Sao_Paulo";

    /// <summary>The zone of <see cref="TimeZone"/>; null when the name is unknown.</summary>
    internal DateTimeZone? Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone ?? "");

    /// <summary>Every problem of these options, for the start-up validation.</summary>
    internal IEnumerable<string> Failures()
    {
        if (Zone is null)
            yield return "Crm: Notifications:TimeZone must be an IANA time zone such as America/Sao_Paulo.";
    }
}
