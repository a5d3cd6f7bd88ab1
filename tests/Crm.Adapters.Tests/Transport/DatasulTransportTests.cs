using System.Text;
using Crm.Adapters.Datasul;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Tests.Transport;

/// <summary>The Datasul transport against the fake EMS over real loopback HTTP: the documented routes, Basic auth, the TOTVS envelope, faults.</summary>
public sealed class DatasulTransportTests
{
    private const string User = "integrador";
    private const string Password = "S3nh@-do-EMS!";
    private static readonly DatasulAdapter Adapter = new();

    private static TransportHost Host(FakeDatasulServer server, string password = Password,
        Action<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>? resilience = null) =>
        DatasulHost.For(server, User, password, resilience);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Creates_with_post_then_updates_with_put_under_the_code_ems_gave()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        var account = Samples.Register(Samples.Company());

        var created = await host.Transport.SendAsync(Adapter.Prepare(account));
        Assert.True(created.IsT0, created.Value.ToString());
        Assert.Equal("1001", created.AsT0.ErpCode);
        var updated = await host.Transport.SendAsync(Adapter.Prepare(account.Integrated(created.AsT0.ErpCode)));
        Assert.True(updated.IsT0, updated.Value.ToString());
        Assert.Equal("1001", updated.AsT0.ErpCode);

        var requests = server.Requests;
        Assert.Equal(["POST /api/cdp/v1/customerPublic", "PUT /api/cdp/v1/customerPublic/1001"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(requests, r => Assert.Equal("Basic", r.Headers["Authorization"]));
        Assert.Equal(Adapter.Prepare(account).Key.Value, requests[1].IdempotencyKey);
        Assert.Equal(2, server.Erp.Applied);
    }

    [Fact]
    public async Task The_totvs_error_envelope_becomes_every_problem()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        var message = Adapter.Prepare(Samples.Register(Samples.Company()));
        var customer = PayloadJson.Deserialize<DatasulCustomer>(message.Body) with { CustomerGroup = null, RepresentativeCode = null };

        var result = await host.Transport.SendAsync(message with { Body = PayloadJson.Serialize(customer) });

        Assert.True(result.IsT1, result.Value.ToString());
        Assert.Equal(["datasul.ems.required", "datasul.ems.required"], result.AsT1.Problems.Select(p => p.Code));
        Assert.Contains(result.AsT1.Problems, p => p.Message.Contains("cod-gr-cli", StringComparison.Ordinal));
        Assert.Contains(result.AsT1.Problems, p => p.Message.Contains("cod-rep", StringComparison.Ordinal));
        Assert.Single(server.Requests);
        Assert.Equal(0, server.Erp.Applied);
    }

    [Fact]
    public async Task A_wrong_password_is_rejected_once_without_retrying()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server, password: "errada");

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.Equal("401", Assert.Single(result.AsT1.Problems).Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_a_recovered_erp_applies_the_message_once()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        server.Inject(FakeFault.Status503, FakeFault.Status500);

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT0, result.Value.ToString());
        Assert.Equal([503, 500, 201], server.Requests.Select(r => r.Status));
        Assert.Equal(1, server.Erp.Applied);
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_are_transient()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        server.Inject(FakeFault.Status500, FakeFault.Status503, FakeFault.Status500);

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT2, result.Value.ToString());
        Assert.Contains("HTTP 500", result.AsT2.Reason, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(0, server.Erp.Applied);
    }

    [Fact]
    public async Task Slow_answers_time_out_as_transient()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        server.SlowAnswer = TimeSpan.FromSeconds(5);
        using var host = Host(server, resilience: o => o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300));
        server.Inject(FakeFault.Slow, FakeFault.Slow, FakeFault.Slow);

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT2, result.Value.ToString());
        Assert.Contains("in time", result.AsT2.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.Erp.Applied);
    }

    [Fact]
    public async Task Dropped_connections_are_transient()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        server.Inject(FakeFault.Drop, FakeFault.Drop, FakeFault.Drop);

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT2, result.Value.ToString());
        Assert.Contains("connection failed", result.AsT2.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_answer_is_resent_and_the_duplicate_absorbed_by_the_idempotency_key()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        server.Inject(FakeFault.ApplyThenDrop);
        var message = Adapter.Prepare(Samples.Register(Samples.Company()));

        var result = await host.Transport.SendAsync(message);
        var replayed = await host.Transport.SendAsync(message);

        Assert.Equal("1001", result.AsT0.ErpCode);
        Assert.Equal("1001", replayed.AsT0.ErpCode);
        Assert.Equal(1, server.Erp.Applied);
        Assert.Equal(2, server.Erp.Duplicates);
        Assert.All(server.Requests, r => Assert.Equal(message.Key.Value, r.IdempotencyKey));
        Assert.Single(server.Ems.Customers);
    }

    [Fact]
    public async Task Cancellation_stops_the_send_and_nothing_is_applied()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        server.SlowAnswer = TimeSpan.FromSeconds(5);
        using var host = Host(server, resilience: o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10));
        // Warm up the connection, so the token below cancels the slow request, not the first connect.
        await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with { ShortName = "AQUECE", TaxId = null, ClientType = "CFX", AccountType = "PRO" })));
        server.Inject(FakeFault.Slow);
        using var cancel = new CancellationTokenSource();

        // Cancel once the ERP holds the slow request (not on a timer, which a loaded machine can beat).
        var send = host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())), cancel.Token).AsTask();
        await WaitUntil(() => server.Requests.Count == 2);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);

        await Task.Delay(300);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, server.Erp.Applied);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_spares_the_erp()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server, resilience: o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.CircuitBreaker.MinimumThroughput = 4;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        server.InjectRandomly(1, seed: 1, FakeFault.Status500);
        var message = Adapter.Prepare(Samples.Register(Samples.Company()));

        var results = new List<TransportResult>();
        for (var i = 0; i < 5; i++)
            results.Add(await host.Transport.SendAsync(message));

        Assert.All(results, r => Assert.True(r.IsT2));
        Assert.Contains(results, r => r.AsT2.Reason.Contains("circuit is open", StringComparison.Ordinal));
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_base_url_every_send_is_transient()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = new TransportHost(DatasulAdapter.Id, server, s => s.AddDatasulAdapter());

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.Contains("BaseUrl", result.AsT2.Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_password_never_reaches_the_logs()
    {
        await using var server = await FakeDatasulServer.StartAsync(User, Password);
        using var host = Host(server);
        server.Inject(FakeFault.Status500);
        var account = Samples.Register(Samples.Company());

        await host.Transport.SendAsync(Adapter.Prepare(account));
        await host.Transport.SendAsync(Adapter.Prepare(account.Integrated("1001")));

        var logs = string.Join("\n", host.Logs.Lines);
        Assert.Contains("acknowledged account", logs, StringComparison.Ordinal);
        Assert.Contains("System.Net.Http.HttpClient", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Data.TaxId!.Digits, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_lists_customers_page_by_page()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var host = new TransportHost(DatasulAdapter.Id, server, s => s.AddDatasulAdapter(o => o.BaseUrl = server.BaseUrl));
        foreach (var name in new[] { "ALFA", "BETA", "GAMA" })
            Assert.True((await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with
            {
                ShortName = name, LegalName = $"Empresa {name} Ltda", TaxId = null, ClientType = "CFX", AccountType = "PRO",
            })))).IsT0);
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl };

        var first = PayloadJson.Deserialize<TotvsPage<DatasulCustomer>>(await http.GetStringAsync(new Uri("api/cdp/v1/customerPublic?page=1&pageSize=2", UriKind.Relative)));
        var second = PayloadJson.Deserialize<TotvsPage<DatasulCustomer>>(await http.GetStringAsync(new Uri("api/cdp/v1/customerPublic?page=2&pageSize=2", UriKind.Relative)));

        Assert.True(first.HasNext);
        Assert.False(second.HasNext);
        Assert.Equal(["ALFA", "BETA", "GAMA"], first.Items.Concat(second.Items).Select(c => c.ShortName));
    }
}
