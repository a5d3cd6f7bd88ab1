using Crm.Domain.Identity;
using Crm.Indicators.Tests.Infrastructure;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Persistence.Tests.Infrastructure;
using NodaTime;

namespace Crm.Indicators.Tests;

/// <summary>The code block of src/Crm.Indicators/README.md is the region below, which runs against the sample tenant.</summary>
public sealed class ReadmeSampleTests(SampleDatabases databases) : IClassFixture<SampleDatabases>
{
    [Theory, SqliteData]
    public async Task The_readme_sample_runs_and_prints_the_figures(string provider)
    {
        var (database, sample) = await databases.GetAsync(provider);
        await using var db = database.Open(sample.Tenant);
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            await Sample(db, sample.Diretor, SampleTenant.SaoPaulo);
        }
        finally
        {
            Console.SetOut(console);
        }
        Assert.Contains("Cadastros: 3; e-mails recebidos: 4", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_block_is_the_sample_region()
    {
        var root = Root();
        var readme = File.ReadAllLines(Path.Combine(root, "src", "Crm.Indicators", "README.md"));
        var open = Array.FindIndex(readme, l => l.Trim() == "```csharp");
        var close = Array.FindIndex(readme, open + 1, l => l.Trim() == "```");
        var source = File.ReadAllLines(Path.Combine(root, "tests", "Crm.Indicators.Tests", "ReadmeSampleTests.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// <readme>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </readme>");
        Assert.Equal(readme[(open + 1)..close], source[(start + 1)..end].Select(l => l.Trim()));
    }

    private static async Task Sample(CrmDbContext db, UserId user, DateTimeZone saoPaulo)
    {
        // <readme>
        var period = IndicatorPeriod.Of(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30), saoPaulo).AsT0;
        var scope = (await db.ScopeOfAsync(user)).AsT0;
        var registration = await Indicators.RegistrationAsync(db, scope, period);
        var sales = await Indicators.SalesAsync(db, scope, period);
        var service = await Indicators.ServiceAsync(db, scope, period, SystemClock.Instance.GetCurrentInstant());
        Console.WriteLine($"Faturamento: {sales.Revenue.Current:N2} ({sales.Revenue.ChangePercent}% sobre o período anterior)");
        Console.WriteLine($"Cadastros: {registration.Accounts.Current}; e-mails recebidos: {service.Emails.Current}");
        // </readme>
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Crm.Sdk.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Crm.Sdk.sln above {AppContext.BaseDirectory}");
    }
}
