using Crm.Tests.Shared;
using Crm.Persistence;
using System.Diagnostics.Metrics;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Every use case logs one structured line without personal data, is measured, and the database has a health check.</summary>
public sealed class ObservabilityTests
{
    [Theory, SqliteData]
    public async Task Use_cases_log_their_outcome_and_never_the_cnpj(string provider)
    {
        await using var host = await Create(provider);
        var form = Forms.Company(30);
        Ok(await host.As(host.Usuario).Accounts.RegisterAsync(form));
        await host.As(host.Outro).Accounts.RegisterAsync(form);            // duplicate
        await host.As(host.SemPapel).Accounts.RegisterAsync(Forms.Company(31)); // denied

        var lines = host.Logs.Lines.Where(l => l.Category == typeof(CrmEngine).FullName && (string?)l.Values.GetValueOrDefault("UseCase") == "accounts.register").ToList();

        Assert.True(lines.Count == 3, string.Join("\n", host.Logs.Lines.Select(l => $"{l.Category} {l.Event.Id} {l.Message}")));
        Assert.Equal([1000, 1001, 1002], lines.Select(l => l.Event.Id));
        Assert.Equal([LogLevel.Information, LogLevel.Information, LogLevel.Warning], lines.Select(l => l.Level));
        Assert.All(lines, l => Assert.Equal(host.Tenant.Value, l.Values["Tenant"]));
        Assert.Equal("duplicate", lines[1].Values["Outcome"]);
        Assert.Contains("account.tax_id.duplicate", lines[1].Message, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command"); // EF Core's SQL, to the host
        var digits = new string(form.TaxId!.Where(char.IsAsciiDigit).ToArray());
        Assert.All(host.Logs.Lines.Where(l => l.Level >= LogLevel.Information), l =>
        {
            Assert.DoesNotContain(form.TaxId!, l.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(digits, l.Message, StringComparison.Ordinal);
        });
    }

    [Theory, SqliteData]
    public async Task Use_cases_are_measured_by_outcome_with_denials_counted(string provider)
    {
        await using var host = await Create(provider);
        var measured = new List<(string Instrument, string? UseCase, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CrmTelemetry.Name)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Add(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, tags));
        listener.Start();

        Ok(await host.As(host.Usuario).Leads.RegisterAsync(Forms.Company(32)));
        await host.As(host.SemPapel).Leads.RegisterAsync(Forms.Company(33));

        lock (measured)
        {
            Assert.Contains(("crm.use_case.duration", "leads.register", "success"), measured);
            Assert.Contains(("crm.use_case.completed", "leads.register", "success"), measured);
            Assert.Contains(("crm.use_case.completed", "leads.register", "denied"), measured);
            Assert.Contains(("crm.use_case.denied", "leads.register", null), measured);
        }

        void Add(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? useCase = null, outcome = null;
            foreach (var (key, value) in tags)
                (useCase, outcome) = key switch { "crm.use_case" => ((string?)value, outcome), "crm.outcome" => (useCase, (string?)value), _ => (useCase, outcome) };
            lock (measured)
                measured.Add((instrument.Name, useCase, outcome));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_health_check_reports_a_migrated_database_healthy(string provider)
    {
        await using var host = await Create(provider);

        var report = await host.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["crm"].Status);
    }

    [Fact]
    public async Task The_health_check_reports_an_unmigrated_database_unhealthy()
    {
        var folder = Directory.CreateTempSubdirectory("crm-sdk-health-");
        try
        {
            await using var provider = new ServiceCollection().AddLogging().AddCrm(crm => crm.UseSqlite(Path.Combine(folder.FullName, "crm.db"))).BuildServiceProvider();

            var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            Assert.Equal(HealthStatus.Unhealthy, report.Entries["crm"].Status);
        }
        finally
        {
            SqliteFolders.Delete(folder);
        }
    }
}
