using Crm.Domain.Access;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Problems;
using Crm.Domain.Service.Occurrences;
using Crm.Indicators;
using Crm.Sdk.Tests.Infrastructure;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// session.Indicators: each group through the runner, over what the user sees, in the host's zone; denied without the
/// permission; a bad period refused (the figures themselves are Crm.Indicators.Tests').
/// </summary>
public sealed class IndicatorsTests
{
    // The test host's clock: 2026-11-22 12:00 UTC, a Sunday in November in São Paulo.
    private static readonly LocalDate First = new(2026, 11, 1);
    private static readonly LocalDate Last = new(2026, 11, 30);

    [Theory, SqliteData]
    public async Task Each_group_counts_what_the_user_sees_and_a_user_without_the_module_is_denied(string provider)
    {
        await using var host = await Create(provider);
        var usuario = host.As(host.Usuario);
        var account = Ok(await usuario.Accounts.RegisterAsync(Forms.Company(41))).Id;
        Ok(await host.As(host.Outro).Accounts.RegisterAsync(Forms.Company(42)));
        Ok(await host.As(host.Diretor).Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
        var pipeline = Assert.Single(Ok(await usuario.Funnel.PipelinesAsync()));
        Ok(await usuario.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Venda", account, host.Usuario)));
        var opened = Ok(await usuario.Service.OpenAsync(new OccurrenceForm(account, ServiceChannel.Email, "RECL", "Reclamação", Attendant: host.Usuario)));
        host.Time.Advance(TimeSpan.FromHours(2));
        Ok(await usuario.Service.AnswerAsync(opened.Id, opened.Version, "Resolvida"));

        var registration = Ok(await usuario.Indicators.RegistrationAsync(First, Last));
        var everyone = Ok(await host.As(host.Diretor).Indicators.RegistrationAsync(First, Last));
        var sales = Ok(await usuario.Indicators.SalesAsync(First, Last));
        var service = Ok(await usuario.Indicators.ServiceAsync(First, Last));
        var denied = await host.As(host.SemPapel).Indicators.ServiceAsync(First, Last);
        var reversed = await usuario.Indicators.SalesAsync(Last, First);

        Assert.Equal((1L, 2L), (registration.Accounts.Current, everyone.Accounts.Current));
        Assert.Equal(DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], registration.Period.Zone);
        Assert.Equal(1L, sales.Funnel.Single(s => s.Stage == pipeline.Entry.Id).Now);
        Assert.Equal(1L, service.Emails.Current);
        Assert.Equal((1L, 7200m), (service.ResponseTime.Answered, service.ResponseTime.AverageSeconds));
        Assert.Equal(1L, Assert.Single(service.ComplaintsPerUnit).Complaints.Current);
        Assert.Equal((Module.Indicators, Permission.Access | Permission.View), (Assert.IsType<Denied>(denied.Value).Module, ((Denied)denied.Value).Action));
        Assert.Equal([IndicatorCodes.PeriodReversed], Assert.IsType<Invalid>(reversed.Value).Problems.Select(p => p.Code));
        Assert.Contains(host.Logs.Lines, l => l.Event.Id == 1000 && (string)l.Values["UseCase"]! == "indicators.service");
    }
}
