using BenchmarkDotNet.Attributes;
using Crm.Benchmarks.Engine;
using Crm.Benchmarks.Outbox;
using Crm.Domain.Access;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Servers;
using Crm.Persistence.Notifications;
using Crm.Persistence.Outbox;
using Crm.Sdk;
using NodaTime;

namespace Crm.Benchmarks.Notifications;

/// <summary>
/// What notifications add to a movement: an opportunity moved between two stages through the engine (SQLite, durability
/// Normal) by a Diretor, its owner and the owner's manager told by e-mail (the owner and the manager read, the company's
/// SMTP servers read and routed, two rows inserted in the movement's transaction), against the same move when the company
/// has no SMTP server (recipients read, nobody staged), on a database already holding <see cref="StoredNotifications"/>
/// rows. The moves go round a pool of opportunities so that no opportunity's stage history grows much during the run.
/// </summary>
[MemoryDiagnoser]
public class NotificationEnqueueBenchmarks
{
    private static readonly UserId Owner = new(Guid.Parse("be000000-0000-4000-8000-0000000000f1"));
    private static readonly UserId Manager = new(Guid.Parse("be000000-0000-4000-8000-0000000000f2"));

    private OutboxBenchHost _host = null!;
    private CrmSession _session = null!;
    private const int Pool = 64;

    private readonly OpportunityId[] _opportunities = new OpportunityId[Pool];
    private readonly long[] _versions = new long[Pool];
    private readonly int[] _stageOf = new int[Pool];
    private StageId[] _stages = [];
    private int _moves;

    /// <summary>Notification rows stored before the run.</summary>
    [Params(1_000, 50_000)]
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
        if (Notified)
            EngineHost.Ok(await _session.Servers.CreateSmtpAsync(new SmtpForm(company, null, "127.0.0.1", 2525, Duration.Zero,
                "crm@bench.com.br", null, false, null, null, false, null, true)));
        EngineHost.Ok(await _session.Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(null, null)));
        var pipeline = EngineHost.Ok(await _session.Funnel.PipelinesAsync())[0];
        _stages = [pipeline.Stages[0].Id, pipeline.Stages[1].Id];
        var account = EngineHost.Ok(await _session.Accounts.RegisterAsync(OutboxBenchHost.Form(1)));
        for (var i = 0; i < Pool; i++)
        {
            var opened = EngineHost.Ok(await _session.Funnel.CreateAsync(pipeline.Id, new OpportunityDraft($"Bench {i}", account.Id, Owner)));
            (_opportunities[i], _versions[i]) = (opened.Id, opened.Version);
        }
        await PrefillAsync(company);
    }

    [GlobalCleanup]
    public Task Cleanup() => _host.DisposeAsync().AsTask();

    /// <summary>One move to the other stage (with its notifications when notified).</summary>
    [Benchmark]
    public async Task<long> Move()
    {
        var i = _moves++ % Pool;
        _stageOf[i] ^= 1; // to the other of the two stages
        var moved = EngineHost.Ok(await _session.Funnel.MoveAsync(_opportunities[i], _versions[i], _stages[_stageOf[i]]));
        return _versions[i] = moved.Version;
    }

    // Sent notifications of earlier movements, written straight to the table (as the dispatcher leaves them).
    private async Task PrefillAsync(CompanyId company)
    {
        await using var db = _host.Engine.Database.Open(EngineHost.Tenant);
        var at = SystemClock.Instance.GetCurrentInstant();
        var address = Crm.Domain.Registry.Email.Parse("dono@bench.com.br").AsT0;
        for (var n = 0; n < StoredNotifications; n++)
        {
            var movement = Guid.NewGuid();
            db.Notifications.Add(new NotificationMessage
            {
                Tenant = EngineHost.Tenant, Id = Guid.NewGuid(), MessageId = Crm.Connectors.Mail.NotificationComposer.MessageIdOf(movement, address),
                Movement = movement, Subject = "Opportunity", SubjectId = "x", Title = "Bench", Kind = "StageChanged", Actor = "Bench", At = at,
                Recipient = Owner, RecipientEmail = address, RecipientName = "dono", Company = company, Status = OutboxStatus.Sent,
                Attempts = 1, NextAttemptAt = at, CreatedAt = at, UpdatedAt = at, SentAt = at,
            });
        }
        await db.SaveAsync();
    }
}
