using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Reliability.Tests.Infrastructure;

namespace Crm.Reliability.Tests;

/// <summary>
/// A lease must cover what its dispatcher does with the claim. Found by the two-dispatcher reliability run on PostgreSQL
/// (2026-12-07): a message claimed in a large batch waits its turn while the lease, counted from the claim, runs out; another
/// dispatcher then takes it over while the first still sends it — the same message sent twice at once.
/// </summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task A_message_whose_lease_ran_out_while_it_waited_in_its_batch_is_not_sent_by_the_dispatcher_that_lost_it()
    {
        await using var server = await FakeProtheusServer.StartAsync(new FakeProtheus());
        server.SlowAnswer = TimeSpan.FromMilliseconds(100);
        server.InjectRandomly(1, seed: 1, FakeFault.Slow); // every answer takes 100 ms: 60 messages one at a time take 6 s
        await using var host = await ReliabilityHost.Create(postgres: false, server.BaseUrl);
        await host.ImportAsync(1, 60, version: 1);
        var first = host.OtherInstance(o => (o.Lease, o.BatchSize, o.Concurrency) = (TimeSpan.FromSeconds(2), 60, 1));
        var second = host.OtherInstance(o => (o.Lease, o.BatchSize, o.Concurrency) = (TimeSpan.FromSeconds(2), 60, 1));

        var claimedFirst = first.Outbox.DispatchPendingAsync();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the first claim's lease has run out; most of its batch still waits
        var claimedSecond = second.Outbox.DispatchPendingAsync();
        await Task.WhenAll(claimedFirst, claimedSecond);

        var keys = server.Requests.Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(60, server.Erp.Applied);
        Assert.Equal(keys.Count, keys.Distinct().Count()); // each message sent by one dispatcher only
    }
}
