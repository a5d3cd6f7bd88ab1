using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Adapters.Tests.Protheus;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// A 503's <c>Retry-After</c> becomes the wait the outbox honours: seconds as they are, an HTTP date measured from the host's
/// clock (its <see cref="TimeProvider"/>), never from the machine's.
/// </summary>
public sealed class RetryAfterTests
{
    // Years away from the machine's clock: a date read against the wrong clock cannot come out right by chance.
    private static readonly DateTimeOffset HostNow = new(2031, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("Fri, 14 Mar 2031 10:01:30 GMT", 90)]
    [InlineData("Fri, 14 Mar 2031 09:59:00 GMT", 0)] // already past: try again now
    public async Task A_503s_retry_after_in_seconds_or_as_a_date_by_the_hosts_clock_is_the_wait(string header, int seconds)
    {
        await using var server = await FakeProtheusServer.StartAsync(ProtheusFakes.Seeded());
        server.RetryAfter = header;
        server.Inject(FakeFault.Status503);
        var time = new FakeTimeProvider(HostNow);
        using var host = new TransportHost(ProtheusAdapter.Id, server, s => s.AddSingleton<TimeProvider>(time).AddProtheusAdapter(o =>
        {
            o.BaseUrl = server.BaseUrl;
            (o.CompanyId, o.BranchId) = ("T1", "D MG 01");
        }), o => o.Retry.ShouldHandle = _ => ValueTask.FromResult(false)); // the outbox, not the client, waits

        var result = await host.Transport.SendAsync(new ProtheusAdapter(new ProtheusOptions { CompanyId = "T1", BranchId = "D MG 01" })
            .Prepare(Samples.Register(Samples.Company())));

        var unavailable = Assert.IsType<Unavailable>(result.Value);
        Assert.Equal(Duration.FromSeconds(seconds), unavailable.RetryAfter);
        Assert.Equal(FakeFault.Status503, Assert.Single(server.Requests).Fault);
    }
}
