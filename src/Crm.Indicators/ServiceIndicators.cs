using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using NodaTime;

namespace Crm.Indicators;

/// <summary>
/// The service indicators (isoAtendimento, seed 003) over <see cref="Period"/>: occurrences of the accounts the user sees,
/// counted when opened unless said otherwise.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Emails">Occurrences received by e-mail in the period and in the previous one.</param>
/// <param name="EmailsPerWeek">The period's e-mail occurrences per ISO week (Monday to Sunday in the period's zone), every week of the period listed, the first and last clipped to it.</param>
/// <param name="ComplaintsPerUnit">Complaints (a reason marked as complaint) per company and branch of the account.</param>
/// <param name="ComplaintsPerProfile">Complaints per client type of the account (its registration's <c>ClientType</c>; null without one).</param>
/// <param name="PerProduct">Occurrences per product or service (null: none given).</param>
/// <param name="PerUser">Occurrences per attendant (null: in nobody's queue).</param>
/// <param name="ResponseTime">Response times of the period.</param>
/// <param name="PreviousResponseTime">Response times of the previous period.</param>
/// <param name="PreferredChannels">Customers per preferred channel: the channel of most of their occurrences in the period.</param>
public sealed record ServiceIndicators(
    IndicatorPeriod Period,
    Compared<long> Emails,
    IReadOnlyList<WeekCount> EmailsPerWeek,
    IReadOnlyList<UnitComplaints> ComplaintsPerUnit,
    IReadOnlyList<ProfileComplaints> ComplaintsPerProfile,
    IReadOnlyList<ProductAttendances> PerProduct,
    IReadOnlyList<UserAttendances> PerUser,
    ResponseTimes ResponseTime,
    ResponseTimes PreviousResponseTime,
    IReadOnlyList<ChannelPreference> PreferredChannels);

/// <summary>How many in one ISO week.</summary>
/// <param name="Monday">The week's Monday (before the period's first day for a week that starts before it).</param>
/// <param name="Count">How many.</param>
public sealed record WeekCount(LocalDate Monday, long Count);

/// <summary>Complaints of one unit (the account's company and branch when the occurrence was last saved).</summary>
/// <param name="Company">The company.</param>
/// <param name="Branch">The branch.</param>
/// <param name="Complaints">In the period and in the previous one.</param>
public sealed record UnitComplaints(CompanyId? Company, BranchId? Branch, Compared<long> Complaints);

/// <summary>Complaints of one customer profile.</summary>
/// <param name="ClientType">The client type code; null for accounts without one.</param>
/// <param name="Complaints">In the period and in the previous one.</param>
public sealed record ProfileComplaints(string? ClientType, Compared<long> Complaints);

/// <summary>Occurrences about one product or service.</summary>
/// <param name="Product">The product code; null when none was given.</param>
/// <param name="Attendances">In the period and in the previous one.</param>
public sealed record ProductAttendances(string? Product, Compared<long> Attendances);

/// <summary>Occurrences of one attendant (atendente / PA).</summary>
/// <param name="Attendant">The attendant; null for occurrences in nobody's queue.</param>
/// <param name="Attendances">In the period and in the previous one.</param>
public sealed record UserAttendances(UserId? Attendant, Compared<long> Attendances);

/// <summary>
/// The response times of one period: the occurrences answered in it, the mean and median seconds from opening to answer
/// (null when none was answered), and the breaches — occurrences whose answer fell due in the period, before the present,
/// and was not given by then (still unanswered, or answered late).
/// </summary>
/// <param name="Answered">Occurrences answered in the period.</param>
/// <param name="AverageSeconds">Their mean response time in seconds, rounded to two decimals.</param>
/// <param name="MedianSeconds">Their median response time in seconds.</param>
/// <param name="Breaches">Answers due in the period and not given in time.</param>
public sealed record ResponseTimes(long Answered, decimal? AverageSeconds, decimal? MedianSeconds, long Breaches);

/// <summary>
/// The customers whose preferred channel is <see cref="Channel"/>: the channel of most of their occurrences in the period
/// (a tie goes to the channel whose name comes first alphabetically).
/// </summary>
/// <param name="Channel">The channel.</param>
/// <param name="Customers">How many customers prefer it.</param>
public sealed record ChannelPreference(ServiceChannel Channel, long Customers);
