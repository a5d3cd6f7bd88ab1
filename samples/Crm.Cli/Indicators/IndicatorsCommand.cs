using System.CommandLine;
using Crm.Cli.Demo;
using Crm.Indicators;
using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace Crm.Cli.Indicators;

/// <summary>
/// <c>crm indicators</c>: the demo tenant's registration, sales and service indicators for a period (this month by default,
/// read in São Paulo) as one of its users sees them, as bar and breakdown charts with the previous period beside the
/// current one; <c>--png</c> also writes the revenue per representative as a PNG chart.
/// </summary>
internal sealed class IndicatorsCommand(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDatabase)
{
    /// <summary>The zone the demo company's days are read in.</summary>
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var from = new Option<string?>("--from") { Description = "The first day, yyyy-MM-dd (default: the first of this month)." };
        var to = new Option<string?>("--to") { Description = "The last day, yyyy-MM-dd (default: the last of this month)." };
        var user = new Option<string>("--user") { Description = "The login whose view is shown (default: marina, the Diretora).", DefaultValueFactory = _ => "marina" };
        var png = new Option<string?>("--png") { Description = "Also write the revenue per representative as a PNG chart to this file." };
        var command = new Command("indicators", "Shows the demo tenant's indicators (registration, sales, service) for a period against the previous one, as a user sees them (run crm demo first).")
            { db, from, to, user, png };
        command.SetAction((result, ct) =>
        {
            if (Day(result.GetValue(from), "--from") is { Error: { } fromError })
                return Task.FromResult(fail(fromError));
            if (Day(result.GetValue(to), "--to") is { Error: { } toError })
                return Task.FromResult(fail(toError));
            if (DemoData.People.FirstOrDefault(p => p.Login == result.GetValue(user)) is not { } person)
                return Task.FromResult(fail($"no demo user '{Printable.OneLine(result.GetValue(user) ?? "")}' (marina, carlos, ana…)"));
            return onDatabase(result.GetValue(db)!, path => RunAsync(path, Day(result.GetValue(from), "").Day, Day(result.GetValue(to), "").Day,
                person, result.GetValue(png), ct));
        });
        return command;
    }

    /// <summary>The end of <c>crm demo</c>: this month's registrations, revenue per representative and preferred channels, as the Diretora sees them.</summary>
    public static async Task WriteSummaryAsync(IAnsiConsole console, CrmEngine engine, CancellationToken cancellationToken)
    {
        if (await ComputeAsync(engine, DemoData.Person("marina"), ThisMonth(engine), cancellationToken) is var (registration, sales, service))
            new IndicatorsReport(console).WriteSummary(registration, sales, service);
    }

    private static IndicatorPeriod ThisMonth(CrmEngine engine) => IndicatorPeriod.MonthOf(engine.Clock.GetCurrentInstant().InZone(Zone).Date, Zone).AsT0;

    /// <summary>The three groups as <paramref name="person"/> sees them, through the person's session; null when one is refused.</summary>
    private static async Task<(RegistrationIndicators, SalesIndicators, ServiceIndicators)?> ComputeAsync(CrmEngine engine, DemoPerson person,
        IndicatorPeriod period, CancellationToken cancellationToken)
    {
        // <indicators>
        var indicators = engine.Session(DemoData.Tenant, person.Id).Indicators;
        var registration = await indicators.RegistrationAsync(period.First, period.Last, cancellationToken);
        var sales = await indicators.SalesAsync(period.First, period.Last, cancellationToken);
        var service = await indicators.ServiceAsync(period.First, period.Last, cancellationToken);
        // </indicators>
        return registration.TryPickT0(out var r, out _) && sales.TryPickT0(out var s, out _) && service.TryPickT0(out var v, out _) ? (r, s, v) : null;
    }

    private static (LocalDate? Day, string? Error) Day(string? text, string option)
    {
        if (text is null)
            return (null, null);
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? (parsed.Value, null) : (null, $"{option} '{Printable.OneLine(text)}' is not a date yyyy-MM-dd");
    }

    private async Task<int> RunAsync(string path, LocalDate? from, LocalDate? to, DemoPerson person, string? png, CancellationToken cancellationToken)
    {
        await using var provider = CliEngine.Services(path).BuildServiceProvider();
        var engine = provider.GetRequiredService<CrmEngine>();
        await engine.MigrateAsync(cancellationToken);
        var month = ThisMonth(engine);
        var chosen = IndicatorPeriod.Of(from ?? month.First, to ?? month.Last, Zone);
        if (!chosen.TryPickT0(out var period, out var invalid))
            return fail(string.Join("; ", invalid.Problems.Select(p => p.Message)));
        if (await ComputeAsync(engine, person, period, cancellationToken) is not var (registration, sales, service))
            return fail($"{person.Login} may not see the indicators");
        new IndicatorsReport(console).Write(person.Name, registration, sales, service);
        if (png is not null)
        {
            IndicatorsChart.WriteRevenue(png, sales, IndicatorsReport.NameOf);
            console.MarkupLineInterpolated($"Gráfico: [bold]{Printable.OneLine(Path.GetFullPath(png))}[/]");
        }
        return 0;
    }
}
