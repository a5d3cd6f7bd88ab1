using NodaTime.Text;

namespace Crm.Sdk.Notifications;

/// <summary>How dates are written in a notice's detail: Brazilian order, whatever the host's culture.</summary>
internal static class NoticeFormats
{
    /// <summary>A business date, <c>30/11/2026</c>.</summary>
    public static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    /// <summary>A local date and time, <c>30/11/2026 10:00</c>.</summary>
    public static readonly LocalDateTimePattern DayTime = LocalDateTimePattern.CreateWithInvariantCulture("dd/MM/uuuu HH:mm");
}
