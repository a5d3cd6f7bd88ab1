using BenchmarkDotNet.Attributes;
using Crm.Domain.Identity;

namespace Crm.Benchmarks.Outbox;

/// <summary>
/// What the outbox adds to a save: one account registered through the engine (SQLite, durability Normal) in a tenant that
/// integrates with no ERP (no message) and in one that integrates with Protheus (eligibility evaluated, the message
/// built, its sequence read and the row inserted in the same transaction), on a database already holding
/// <see cref="StoredMessages"/> registrations (and as many messages when integrated).
/// </summary>
[MemoryDiagnoser]
public class OutboxSaveBenchmarks
{
    private OutboxBenchHost _host = null!;
    private int _next = 10_000_000;

    /// <summary>Registrations (and messages, when integrated) stored before the run.</summary>
    [Params(100, 2_000)]
    public int StoredMessages { get; set; }

    /// <summary>Whether the tenant integrates with Protheus (a message per registration).</summary>
    [Params(false, true)]
    public bool Integrated { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await OutboxBenchHost.CreateAsync(Integrated, o => o.RunInBackground = false);
        var seller = _host.Seller;
        for (var n = 1; n <= StoredMessages; n++)
            Engine.EngineHost.Ok(await seller.Accounts.RegisterAsync(OutboxBenchHost.Form(n)));
        _session = _host.Seller;
    }

    private Crm.Sdk.CrmSession _session = null!;

    [GlobalCleanup]
    public Task Cleanup() => _host.DisposeAsync().AsTask();

    /// <summary>One registration (with its message when integrated).</summary>
    [Benchmark]
    public async Task<AccountId> Register() =>
        Engine.EngineHost.Ok(await _session.Accounts.RegisterAsync(OutboxBenchHost.Form(_next++))).Id;
}
