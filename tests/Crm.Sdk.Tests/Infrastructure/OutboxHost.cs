using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Tenancy;
using Crm.Persistence.Outbox;
using Crm.Sdk.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>
/// A <see cref="TestHost"/> whose tenant integrates with Protheus, the adapter's HTTP transport pointed at a fake Protheus
/// server on 127.0.0.1 (a real Kestrel server), client type REV mapped to an integrating account type. The transport's own
/// resilience is cut to one immediate retry and a circuit that does not open, so that what the outbox does is what shows.
/// </summary>
public sealed class OutboxHost : IAsyncDisposable
{
    private OutboxHost(TestHost host, FakeProtheusServer server) => (Host, Server) = (host, server);

    public TestHost Host { get; }
    public FakeProtheusServer Server { get; }
    public CrmEngine Engine => Host.Engine;

    public static async Task<OutboxHost> Create(string provider, Action<OutboxOptions>? outbox = null, bool realTime = false,
        Action<IServiceCollection>? configure = null, FakeProtheus? erp = null)
    {
        var server = await FakeProtheusServer.StartAsync(erp ?? new FakeProtheus());
        var host = await TestHost.Create(provider, services =>
        {
            if (realTime)
                services.AddSingleton(TimeProvider.System);
            services.Configure<CrmOptions>(o => outbox?.Invoke(o.Outbox));
            services.AddProtheusAdapter(o => o.BaseUrl = server.BaseUrl);
            services.Configure<HttpStandardResilienceOptions>(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(ProtheusAdapter.Id), o =>
            {
                o.Retry.MaxRetryAttempts = 1;
                o.Retry.Delay = TimeSpan.Zero;
                o.Retry.UseJitter = false;
                o.CircuitBreaker.FailureRatio = 1.0;
                o.CircuitBreaker.MinimumThroughput = 1000;
            });
            configure?.Invoke(services); // after the adapter: a test's own registration (a reader, a clock) wins
        }, DefaultIntegration.Protheus);
        var revenda = MasterDataCode.Of("REV");
        var cliente = MasterDataCode.Of("CLI");
        TestHost.Ok(await host.As(host.Diretor).Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda"), new ClientType(MasterDataCode.Of("CF"), "Consumidor")],
            [new AccountType(cliente, "Cliente", IntegratesWithErp: true), new AccountType(MasterDataCode.Of("PRO"), "Prospect", IntegratesWithErp: false)],
            [(revenda, cliente), (MasterDataCode.Of("CF"), MasterDataCode.Of("PRO"))])));
        return new OutboxHost(host, server);
    }

    /// <summary>A company Protheus accepts (client type REV).</summary>
    public static RegistrationForm Eligible(int seed, Crm.Domain.Identity.UserId? owner = null) => Forms.Company(seed, owner) with { ClientType = "REV" };

    /// <summary>Every message of the tenant, by account and sequence.</summary>
    public async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var db = Host.Open();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Account).ThenBy(m => m.Sequence).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Server.DisposeAsync();
    }
}
