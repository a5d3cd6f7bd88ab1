using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Servers;
using Crm.Adapters.Tests.Protheus;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Crm.Adapters.Tests.Transport;

/// <summary>One host with two ERPs: a failing EMS opens its own circuit and Protheus keeps receiving.</summary>
public sealed class CircuitPerErpTests
{
    [Fact]
    public async Task A_failing_erp_opens_its_own_circuit_only()
    {
        await using var ems = await FakeDatasulServer.StartAsync();
        await using var protheus = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        var services = new ServiceCollection().AddLogging();
        services.AddDatasulAdapter(o => o.BaseUrl = ems.BaseUrl);
        services.AddProtheusAdapter(o => o.BaseUrl = protheus.BaseUrl);
        foreach (var erp in new[] { DatasulAdapter.Id, ProtheusAdapter.Id })
            services.Configure<HttpStandardResilienceOptions>(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(erp), o =>
            {
                o.Retry.MaxRetryAttempts = 1;
                o.Retry.Delay = TimeSpan.FromMilliseconds(10);
                o.CircuitBreaker.MinimumThroughput = 4;
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            });
        using var provider = services.BuildServiceProvider();
        var transports = provider.GetServices<IErpTransport>().ToDictionary(t => t.Erp);
        ems.InjectRandomly(1, seed: 2, FakeFault.Status503);
        var account = Samples.Register(Samples.Company());

        for (var i = 0; i < 3; i++)
            await transports[DatasulAdapter.Id].SendAsync(new DatasulAdapter().Prepare(account));
        var open = await transports[DatasulAdapter.Id].SendAsync(new DatasulAdapter().Prepare(account));
        var other = await transports[ProtheusAdapter.Id].SendAsync(new ProtheusAdapter().Prepare(account));

        Assert.Contains("circuit is open", open.AsT2.Reason, StringComparison.Ordinal);
        Assert.True(other.IsT0, other.Value.ToString());
        Assert.Equal(1, protheus.Erp.Applied);
    }
}
