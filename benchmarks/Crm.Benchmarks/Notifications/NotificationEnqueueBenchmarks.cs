using BenchmarkDotNet.Attributes;
using Crm.Benchmarks.Engine;
using Crm.Benchmarks.Outbox;
using Crm.Domain.Access;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Servers;
using Crm.Sdk;
using NodaTime;

namespace Crm.Benchmarks.Notifications;

/// <summary>
/// What notifications add to a movement: an opportunity moved between two stages through the engine (SQLite, durability
/// Normal) by a Diretor, its owner and the owner's manager told by e-mail (the owner and the manager read, the company's
/// SMTP servers read and routed, two rows inserted in the movement's transaction), against the same move when the company
/// has no SMTP server (recipients read, nobody staged), on a database already holding <see cref="StoredNotifications"/>.
/// </summary>
[MemoryDiagnoser]
public class NotificationEnqueueBenchmarks
{
    private static readonly UserId Owner = new(Guid.Parse("be000000-0000-4000-8000-0000000000f1"));
    private static readonly UserId Manager = new(Guid.Parse("be000000-0000-4000-8000-0000000000f2"));

    private OutboxBenchHost _host = null!;
    private CrmSession _session = null!;
    private OpportunityId _opportunity;
    private long _version;
    private StageId[] _stages = [];
    private int _moves;

    /// <summary>Notification rows stored before the run (two per prior move).</summary>
    [Params(100, 5_000)]
    public int StoredNotifications { get; set; }

    /// <summary>Whether the company has an SMTP server (otherwise nobody is notified).</summary>
    [Params(false, true)]
    public bool Notified { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await OutboxBenchHost.CreateAsync(false, o => o.RunInBackground = false);
        var engine = _host.Engine;
        _session = _host.Seller;
        var company = EngineHost.Ok(await engine.Tenants.RegisterCompanyAsync(EngineHost.Tenant, EngineHost.Seller, new UnitForm("01", "Bench Ltda"))).Company;
        foreach (var (id, login) in new[] { (Manager, "gerente"), (Owner, "dono") })
        {
            EngineHost.Ok(await engine.Tenants.AddUserAsync(EngineHost.Tenant, id, login, login, $"{login}@bench.com.br"));
            EngineHost.Ok(await engine.Tenants.AllowCompaniesAsync(EngineHost.Tenant, EngineHost.Seller, id, [new CompanyBranch(company, null)]));
        }
        EngineHost.Ok(await engine.Tenants.SetManagerAsync(EngineHost.Tenant, EngineHost.Seller, Owner, Manager));
        // Rows are staged only while a server exists: it is there for the prefill, and removed for the "not notified" runs.
        var smtp = EngineHost.Ok(await _session.Servers.CreateSmtpAsync(new SmtpForm(company, null, "127.0.0.1", 2525, Duration.Zero,
            "crm@bench.com.br", null, false, null, null, false, null, true)));
        EngineHost.Ok(await _session.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
        var pipeline = EngineHost.Ok(await _session.Funnel.PipelinesAsync())[0];
        _stages = [pipeline.Stages[0].Id, pipeline.Stages[1].Id];
        var account = EngineHost.Ok(await _session.Accounts.RegisterAsync(OutboxBenchHost.Form(1)));
        var opened = EngineHost.Ok(await _session.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft("Bench", account.Id, Owner)));
        (_opportunity, _version) = (opened.Id, opened.Version);
        while (await CountAsync() < StoredNotifications)
            await Move();
        if (!Notified)
            await using (var db = engine.Database.Open(EngineHost.Tenant))
            {
                db.SmtpSettings.RemoveRange(db.SmtpSettings.Where(s => s.Id == smtp.Id));
                await db.SaveAsync();
            }
    }

    [GlobalCleanup]
    public Task Cleanup() => _host.DisposeAsync().AsTask();

    /// <summary>One move to the other stage (with its notifications when notified).</summary>
    [Benchmark]
    public async Task<long> Move()
    {
        var moved = EngineHost.Ok(await _session.Funnel.MoveAsync(_opportunity, _version, _stages[++_moves % 2]));
        return _version = moved.Version;
    }

    private async Task<int> CountAsync()
    {
        await using var db = _host.Engine.Database.Open(EngineHost.Tenant);
        return db.Notifications.Count();
    }
}
