using Crm.Domain.Access;
using Crm.Indicators;
using Crm.Sdk.Engine;
using NodaTime;

namespace Crm.Sdk.Indicators;

/// <summary>
/// The management indicators of seed 003 (module <see cref="Module.Indicators"/>, View) through a session: each group over
/// the days <c>first</c>..<c>last</c> in the host's zone (<c>CrmOptions.Notifications.TimeZone</c>), compared with the
/// previous period of the same length, over the records the user sees (Crm.Indicators computes them in SQL). A period the
/// package refuses (reversed, too long, out of range) is <see cref="Crm.Domain.Problems.Invalid"/>.
/// </summary>
public sealed class IndicatorsModule
{
    private readonly CrmSession _session;

    internal IndicatorsModule(CrmSession session) => _session = session;

    /// <summary>Registrations, growth, active/inactive, contacts with e-mail/phone, churn by portfolio, marketing permissions.</summary>
    public Task<CrmResult<RegistrationIndicators>> RegistrationAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        RunAsync("indicators.registration", first, last, (work, period) =>
            Crm.Indicators.Indicators.RegistrationAsync(work.Db, work.Access.Scope!, period, work.Cancellation), cancellationToken);

    /// <summary>Revenue per representative, customers per portfolio, best sellers, opportunities per stage, cross/up-sell.</summary>
    public Task<CrmResult<SalesIndicators>> SalesAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        RunAsync("indicators.sales", first, last, (work, period) =>
            Crm.Indicators.Indicators.SalesAsync(work.Db, work.Access.Scope!, period, work.Cancellation), cancellationToken);

    /// <summary>
    /// E-mails received per week, complaints per unit and per customer profile, attendances per product and per user,
    /// response time and breaches (an unanswered occurrence judged at the engine clock's now), preferred channel per customer.
    /// </summary>
    public Task<CrmResult<ServiceIndicators>> ServiceAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        RunAsync("indicators.service", first, last, (work, period) =>
            Crm.Indicators.Indicators.ServiceAsync(work.Db, work.Access.Scope!, period, work.Clock.GetCurrentInstant(), work.Cancellation), cancellationToken);

    private Task<CrmResult<T>> RunAsync<T>(string useCase, LocalDate first, LocalDate last, Func<UnitOfWork, IndicatorPeriod, Task<T>> compute,
        CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Indicators, Permission.View, async work =>
        {
            var zone = work.Engine.Options().Notifications.Zone ?? DateTimeZone.Utc;
            if (!IndicatorPeriod.Of(first, last, zone).TryPickT0(out var period, out var invalid))
                return invalid;
            return CrmResult<T>.Of(await compute(work, period).ConfigureAwait(false));
        }, cancellationToken);
}
