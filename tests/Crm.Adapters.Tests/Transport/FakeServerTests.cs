using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Crm.Adapters.Datasul;
using Crm.Adapters.Http;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Tests.Transport;

/// <summary>The fake ERP servers, as a reliability test uses them: each fault kind, seeded faults, exactly-once effects per account.</summary>
public sealed class FakeServerTests
{
    private static readonly DatasulAdapter Adapter = new();

    private static Account Customer(int i) => Samples.Register(Samples.Company() with
    {
        ShortName = $"CLI{i:D4}", LegalName = $"Cliente {i} Ltda", TaxId = null, ClientType = "CFX", AccountType = "PRO",
    });

    private static HttpRequestMessage Post(ErpMessage message, string path = DatasulTransport.Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(message.Body) };
        request.Headers.Add(ErpHttpTransport.IdempotencyKeyHeader, message.Key.Value);
        request.Headers.Add(ErpHttpTransport.AccountHeader, message.Account.Value.ToString());
        return request;
    }

    [Theory]
    [InlineData(FakeFault.Status500, 500)]
    [InlineData(FakeFault.Status503, 503)]
    public async Task An_error_status_applies_nothing(FakeFault fault, int status)
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl };
        server.Inject(fault);

        using var answer = await client.SendAsync(Post(Adapter.Prepare(Customer(1))));

        Assert.Equal(status, (int)answer.StatusCode);
        Assert.Equal(fault == FakeFault.Status503, answer.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(1));
        Assert.Equal(0, server.Erp.Applied);
        Assert.Equal(fault, Assert.Single(server.Requests).Fault);
    }

    [Theory]
    [InlineData(FakeFault.Drop, 0)]
    [InlineData(FakeFault.Timeout, 0)]
    [InlineData(FakeFault.ApplyThenDrop, 1)]
    public async Task A_lost_answer_fails_the_call_and_applies_only_what_the_fault_says(FakeFault fault, int applied)
    {
        await using var server = await FakeDatasulServer.StartAsync();
        using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var message = Adapter.Prepare(Customer(1));
        server.Inject(fault);

        var error = await Record.ExceptionAsync(() => client.SendAsync(Post(message)));

        Assert.True(error is HttpRequestException or TaskCanceledException, error?.ToString());
        Assert.Equal(applied, server.Erp.Applied);
        // The resend under the same key is applied once in all: a duplicate is absorbed.
        using var resent = await client.SendAsync(Post(message));
        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        Assert.Equal(1, server.Erp.Applied);
        Assert.Equal(applied, server.Erp.Duplicates);
    }

    [Fact]
    public async Task A_slow_answer_arrives_late_and_applied()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        server.SlowAnswer = TimeSpan.FromMilliseconds(400);
        using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl };
        server.Inject(FakeFault.Slow);

        var clock = Stopwatch.StartNew();
        using var answer = await client.SendAsync(Post(Adapter.Prepare(Customer(1))));

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(390), clock.Elapsed.ToString());
        Assert.Equal(1, server.Erp.Applied);
    }

    [Fact]
    public async Task The_same_seed_injects_the_same_faults_in_the_same_order()
    {
        async Task<FakeFault[]> Run(int seed)
        {
            await using var server = await FakeDatasulServer.StartAsync();
            using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseUrl };
            server.InjectRandomly(0.3, seed, FakeFault.Status500, FakeFault.Status503);
            for (var i = 0; i < 60; i++)
                (await client.GetAsync(DatasulTransport.Path)).Dispose();
            return [.. server.Requests.Select(r => r.Fault)];
        }

        var first = await Run(7);
        Assert.Equal(first, await Run(7));
        Assert.NotEqual(first, await Run(8));
        Assert.InRange(first.Count(f => f != FakeFault.None), 6, 30);
    }

    [Fact]
    public async Task Each_accounts_changes_are_applied_once_each_in_the_order_sent_despite_faults()
    {
        await using var server = await FakeDatasulServer.StartAsync();
        server.SlowAnswer = TimeSpan.FromSeconds(1);
        using var host = new TransportHost(DatasulAdapter.Id, server, s => s.AddDatasulAdapter(o => o.BaseUrl = server.BaseUrl), o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300);
            o.CircuitBreaker.FailureRatio = 0.9;
        });
        server.InjectRandomly(0.3, seed: 21, FakeFault.Status500, FakeFault.Status503, FakeFault.Drop, FakeFault.ApplyThenDrop, FakeFault.Slow,
            FakeFault.Timeout);

        var sent = await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            var keys = new List<string>();
            var created = Adapter.Prepare(Customer(i));
            var code = (await Deliver(host, created)).ErpCode;
            keys.Add(created.Key.Value);
            for (var version = 1; version <= 5; version++)
            {
                var body = PayloadJson.Serialize(PayloadJson.Deserialize<DatasulCustomer>(created.Body) with
                {
                    CustomerCode = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), CustomerName = $"Cliente {i} v{version}",
                });
                var update = new ErpMessage(DatasulAdapter.Id, created.Resource, ErpOperation.Update, created.Account, code, body,
                    IdempotencyKey.Of(DatasulAdapter.Id, created.Resource, created.Account.Value, body));
                await Deliver(host, update);
                keys.Add(update.Key.Value);
            }
            return (created.Account, Keys: keys);
        }));

        var record = server.Record();
        Assert.Equal(36, record.Applied);
        foreach (var (account, keys) in sent)
        {
            Assert.Equal(keys, server.Erp.EffectsOf(account));
            Assert.Equal(keys, record.Accounts[account.Value.ToString()]);
        }
        // Every arrival at the ERP was either the one effect of its key or an absorbed duplicate; answers lost after applying made some.
        var receipts = server.Erp.Receipts;
        Assert.Equal(sent.SelectMany(s => s.Keys).Order(), receipts.Keys.Order());
        Assert.Equal(receipts.Values.Sum() - 36, record.Duplicates);
        Assert.True(record.Duplicates > 0 == server.Requests.Any(r => r.Fault == FakeFault.ApplyThenDrop));
        Assert.True(record.Faults.Count >= 4, string.Join(", ", record.Faults));
    }

    [Fact]
    public async Task The_standalone_server_serves_its_record_to_another_process()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "fake-erp", "Crm.FakeErp.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [tool, "datasul", "--fault-rate", "0.5", "--seed", "3", "--faults", "Status503"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        })!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("listening http://127.0.0.1:", line, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = new Uri(line!["listening ".Length..]) };
            var message = Adapter.Prepare(Customer(1));
            for (var status = 0; status != 201;)
                using (var answer = await client.SendAsync(Post(message)))
                    status = (int)answer.StatusCode;

            var record = await client.GetFromJsonAsync<FakeRecord>(FakeErpServer.RecordPath);

            Assert.Equal(1, record!.Applied);
            Assert.Equal([message.Key.Value], record.Accounts[message.Account.Value.ToString()]);
            Assert.Equal(record.Requests - 1, record.Faults.GetValueOrDefault("Status503"));
        }
        finally
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task The_standalone_server_refuses_an_order_with_a_wrong_ipi_naming_it_and_takes_the_right_one()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "fake-erp", "Crm.FakeErp.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [tool, "datasul"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true,
        })!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var client = new HttpClient { BaseAddress = new Uri(line!["listening ".Length..]) };
            var account = Customer(1);
            using var created = await client.SendAsync(Post(Adapter.Prepare(account)));
            var code = (await created.Content.ReadFromJsonAsync<DatasulCustomer>())!.CustomerCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var order = Adapter.PrepareOrder(Orders.TaxedOrders.Of(code, customer: account.Integrated(code), otherExpenses: 0m)).AsT0;
            var document = System.Text.Json.Nodes.JsonNode.Parse(order.Body)!;
            document["OrderItems"]![0]!["IpiValue"] = 0m;
            var body = document.ToJsonString();
            var wrong = order with { Body = body, Key = IdempotencyKey.Of(order.Erp, order.Resource, Guid.NewGuid(), body) };

            using var refused = await client.SendAsync(Post(wrong, DatasulTransport.OrdersPath));
            using var taken = await client.SendAsync(Post(order, DatasulTransport.OrdersPath));

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = TotvsError.ProblemsIn(await refused.Content.ReadAsStringAsync());
            Assert.Equal(["datasul.order.tax_value", "datasul.order.total"], error.Select(p => p.Code));
            Assert.EndsWith("Campo OrderItems[0].IpiValue.", error[0].Message, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
            Assert.Equal(2, (await client.GetFromJsonAsync<FakeRecord>(FakeErpServer.RecordPath))!.Applied);
        }
        finally
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<Crm.Domain.Integration.Messages.Delivered> Deliver(TransportHost host, ErpMessage message)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var result = await host.Transport.SendAsync(message);
            Assert.False(result.IsT1, result.IsT1 ? string.Join("; ", result.AsT1.Problems) : "");
            if (result.TryPickT0(out var delivered, out _))
                return delivered;
        }
        throw new TimeoutException($"{message.Key} never went through.");
    }
}
