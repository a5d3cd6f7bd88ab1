using Crm.Adapters.Datasul;
using Crm.Adapters.Testing.Servers;

namespace Crm.Adapters.Tests.Transport;

/// <summary>Many messages through the real transport to a fake EMS that faults on 30 % of requests: every effect applied exactly once.</summary>
public sealed class FaultyErpTests
{
    [Fact]
    public async Task Every_message_is_applied_exactly_once_when_a_third_of_the_requests_fail()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        server.SlowAnswer = TimeSpan.FromSeconds(2);
        using var host = new TransportHost(DatasulAdapter.Id, server, s => s.AddDatasulAdapter(o => o.BaseUrl = server.BaseUrl), o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(500);
            o.CircuitBreaker.FailureRatio = 0.9; // 30 % of failures must not open it here
        });
        server.InjectRandomly(0.3, seed: 13, FakeFault.Status500, FakeFault.Status503, FakeFault.Drop, FakeFault.ApplyThenDrop, FakeFault.Slow);
        var adapter = new DatasulAdapter();
        var messages = Enumerable.Range(1, 80).Select(i => adapter.Prepare(Samples.Register(Samples.Company() with
        {
            ShortName = $"CLI{i:D4}", LegalName = $"Cliente {i} Ltda", TaxId = null, ClientType = "CFX", AccountType = "PRO",
        }))).ToList();

        // What a dispatcher does: resend what is unavailable, with the same key, until it is delivered.
        var codes = await Task.WhenAll(messages.Chunk(20).Select(async chunk =>
        {
            var delivered = new List<string>();
            foreach (var message in chunk)
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 20, $"{message.Key} never went through.");
                    var result = await host.Transport.SendAsync(message);
                    Assert.False(result.IsT1, result.Value.ToString());
                    if (result.TryPickT0(out var ok, out _))
                    {
                        delivered.Add(ok.ErpCode);
                        break;
                    }
                }
            return delivered;
        }));

        Assert.Equal(messages.Count, codes.SelectMany(c => c).Distinct().Count());
        Assert.Equal(messages.Count, server.Erp.Applied);
        Assert.Equal(messages.Count, server.Ems.Customers.Count);
        Assert.Equal(messages.Select(m => m.Key.Value).Order(), server.Erp.Effects.Select(e => e.Key).Order());
        Assert.Contains(server.Requests, r => r.Fault == FakeFault.ApplyThenDrop);
        Assert.True(server.Erp.Duplicates > 0, "An answer lost after applying must come back as an absorbed duplicate.");
    }
}
