using Crm.Domain.Access;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Crm.Persistence.Boards;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Accounts;
using Crm.Sdk.Properties.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Sdk;

namespace Crm.Sdk.Properties.Model;

/// <summary>
/// Runs a <see cref="Scenario"/> against the real engine in a tenant of its own and checks every step: the engine denies or
/// hides exactly what the <see cref="Oracle"/> forbids, a step that did not succeed (and every read) leaves the tenant's
/// rows byte for byte as they were, and a write that succeeded is wholly there (row, version bump, history, its effects).
/// A violation throws, naming the step and the trace so far.
/// </summary>
public sealed class ScenarioRun
{
    private static readonly MasterDataCode Prospect = MasterDataCode.Of("PRO");
    private static readonly MasterDataCode Customer = MasterDataCode.Of("CLI");

    private readonly EngineDatabase _database;
    private readonly Scenario _scenario;
    private readonly Tally _tally;
    private readonly TenantId _tenant = new(Guid.NewGuid());
    private readonly UserId _unknown = new(Guid.NewGuid());
    private readonly List<string> _trace = [];
    private readonly Dictionary<Guid, int> _seeds = [];
    private readonly List<AccountId> _accounts = [];
    private readonly List<LeadId> _leads = [];
    private readonly List<OpportunityId> _opportunities = [];
    private readonly List<ContactId> _contacts = [];
    private readonly List<CardId> _cards = [];
    private readonly List<(BoardId Id, IReadOnlyList<BoardStageId> Stages)> _boards = [];
    private UserId[] _users = [];
    private UserId _support;
    private (CompanyId Company, BranchId? Branch)[] _pairs = [];
    private Pipeline _pipeline = null!;
    private Oracle _oracle = null!;
    private TenantRows _rows = null!;
    private int _nextSeed = 1;

    private ScenarioRun(EngineDatabase database, Scenario scenario, Tally tally) => (_database, _scenario, _tally) = (database, scenario, tally);

    private CrmEngine Engine => _database.Engine;

    /// <summary>Runs <paramref name="scenario"/>; throws on the first step that breaks the property.</summary>
    public static async Task RunAsync(EngineDatabase database, Scenario scenario, Tally tally)
    {
        var run = new ScenarioRun(database, scenario, tally);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await run.SetUpAsync();
        tally.SetUp += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        for (var i = 0; i < scenario.Ops.Length; i++)
            await run.StepAsync(i, scenario.Ops[i]);
        await run.CheckInvariantsAsync();
        tally.Scenarios++;
    }

    // ---- the tenant -------------------------------------------------------------------------------------------------

    private async Task SetUpAsync()
    {
        Ok(await Engine.Tenants.ProvisionAsync(_tenant, "Propriedades", Package.Freemium));
        await using (var db = Open())
            _support = db.Users.Single(u => u.Login == User.SupportLogin).Id;
        // Companies, custom roles and users are stored directly (one unit of work): the steps are what runs through the engine.
        var pairs = new List<(CompanyId, BranchId?)>();
        _users = [.. _scenario.Users.Select(_ => new UserId(Guid.NewGuid()))];
        await using (var db = Open())
        {
            for (var c = 0; c < 2; c++)
            {
                var company = Company.Register(new CompanyId(Guid.NewGuid()), _tenant, new UnitForm($"E{c}", $"Empresa {c}")).AsT0;
                pairs.Add((company.Id, null));
                for (var f = 0; f < 2; f++)
                {
                    var branch = new BranchId(Guid.NewGuid());
                    Assert.True(company.AddBranch(branch, new UnitForm($"F{f}", $"Filial {c}.{f}"), f == 0).IsT0);
                    pairs.Add((company.Id, branch));
                }
                db.Companies.Add(company);
            }
            _pairs = [.. pairs];

            var roles = new Dictionary<RoleKind, RoleId>();
            foreach (var role in db.Roles)
                if (role.Name == StandardRoles.Diretor.Name) roles[RoleKind.Diretor] = role.Id;
                else if (role.Name == StandardRoles.Coordenador.Name) roles[RoleKind.Coordenador] = role.Id;
                else if (role.Name == StandardRoles.Usuario.Name) roles[RoleKind.Usuario] = role.Id;
            for (var i = 0; i < _scenario.Roles.Length; i++)
            {
                var spec = _scenario.Roles[i];
                var role = Role.Create(new RoleId(Guid.NewGuid()), _tenant, $"Papel gerado {i}", spec.Reach,
                    new[] { Module.Accounts, Module.Leads, Module.Contacts, Module.Opportunities, Module.Boards, Module.Settings }
                        .Select(m => new ModuleGrant(m, spec.On(m)))).AsT0;
                db.Roles.Add(role);
                roles[i == 0 ? RoleKind.Custom0 : RoleKind.Custom1] = role.Id;
            }

            // The generated links close no cycle; an empty hierarchy lets each user take its manager in any order.
            var hierarchy = Hierarchy.Build(_users.Select(u => (u, (UserId?)null))).AsT0;
            for (var i = 0; i < _users.Length; i++)
            {
                var spec = _scenario.Users[i];
                var user = User.Arrive(_users[i], _tenant, $"u{i}", $"Usuário {i}", null, Package.Freemium).AsT0;
                if (spec.Roles.Any())
                    Assert.True(user.AssignRoles(spec.Roles.Select(r => roles[r])).IsT0);
                if (spec.Manager is { } manager)
                    Assert.True(user.ReportTo(_users[manager], hierarchy).IsT0);
                user.AllowCompanies(spec.Pairs.Select(p => new CompanyBranch(_pairs[p].Company, _pairs[p].Branch)));
                if (spec.Inactive)
                    Assert.True(user.Deactivate().IsT0);
                db.Users.Add(user);
            }
            Assert.True((await db.SaveAsync()).IsSaved);
        }

        var pipeline = Ok(await Engine.Session(_tenant, _support).Funnel.CreatePipelineAsync("Vendas", DefaultPipeline.Stages(Prospect, Customer)));
        await using (var db = Open())
            _pipeline = db.Pipelines.AsNoTracking().Single(p => p.Id == pipeline.Id);
        var support = Engine.Session(_tenant, _support);
        foreach (var record in _scenario.Records)
        {
            var owner = _users[record.Owner % _users.Length];
            var (company, branch) = Placement(record.Placement);
            if (record.Copy)
            {
                if (_nextSeed > 1)
                    await ImportCopyAsync(_nextSeed - 1, owner, company, branch);
                continue;
            }
            var seed = _nextSeed++;
            if (record.Lead)
            {
                var lead = Ok(await support.Leads.RegisterAsync(Form(seed, owner, company, branch, null))).Id;
                _leads.Add(lead);
                _seeds[lead.Value] = seed;
                continue;
            }
            var account = Ok(await support.Accounts.RegisterAsync(Form(seed, owner, company, branch, null))).Id;
            _accounts.Add(account);
            _seeds[account.Value] = seed;
            _opportunities.Add(Ok(await support.Funnel.CreateAsync(_pipeline.Id, new OpportunityDraft($"Negócio inicial {seed}", account, owner))).Id);
        }
        // Boards and the stored leads' cards, stored directly in one unit of work (suportecrm creates and releases them).
        await using (var db = Open())
        {
            var boards = new List<Board>();
            for (var b = 0; b < _scenario.Boards.Length; b++)
            {
                var board = Board.Create(_tenant, $"Quadro {b}", new BoardScope(BoardScopeKind.Region, $"Zona {b}"), Colour.Of("#1F77B4"), _support, Engine.Clock).AsT0;
                foreach (var stage in new[] { "Novo", "Contato", "Proposta" })
                    Assert.True(board.AddStage(stage, null, null, _support, Engine.Clock).IsT0);
                foreach (var user in _scenario.Boards[b])
                    Assert.True(board.Release(_users[user], _support, Engine.Clock).IsT0);
                db.Boards.Add(board);
                boards.Add(board);
                _boards.Add((board.Id, [.. board.Stages.Select(s => s.Id)]));
            }
            foreach (var lead in await db.Leads.ToListAsync())
            {
                var board = boards[_cards.Count % boards.Count];
                var card = Card.Open(board, board.Stages[0].Id, $"Cartão {_cards.Count}", new ProspectLink(lead.Id, lead.History.Entries[0].At), null, null,
                    new DatabaseProspectCards(db), _support, Engine.Clock).AsT0;
                db.Cards.Add(card);
                _cards.Add(card.Id);
            }
            Assert.True((await db.SaveAsync()).IsSaved);
        }
        _oracle = new Oracle(_scenario, _users, _pairs);
        _rows = await SnapshotAsync();
    }

    /// <summary>Stores, as an import would (no engine, no duplicate check), an account repeating the CNPJ of <paramref name="seed"/>.</summary>
    private async Task ImportCopyAsync(int seed, UserId owner, CompanyId? company, BranchId? branch)
    {
        var form = Form(seed, owner, company, branch, null) with { ShortName = $"COPIA{_accounts.Count}{seed}", Emails = [new EmailForm($"copia{seed}@gerada.com.br")] };
        var valid = RegistrationRules.Validate(form, new RegistrationContext(AccountSettings.Default, RegistrationKind.Account)).AsT0;
        var account = Account.Register(new AccountId(Guid.NewGuid()), _tenant, valid, _support, Engine.Clock);
        await using var db = Open();
        db.Accounts.Add(account);
        Assert.True((await db.SaveAsync()).IsSaved);
        _accounts.Add(account.Id);
        _seeds[account.Id.Value] = seed;
    }

    // ---- one step -----------------------------------------------------------------------------------------------------

    private async Task StepAsync(int index, Op op)
    {
        var actor = op.Actor;
        var n = _users.Length;
        UserId? Owner(int choice) => choice % (n + 1) == 0 ? null : _users[choice % (n + 1) - 1];
        var me = ActorId(actor);

        switch (op.Kind)
        {
            case OpKind.RegisterAccount or OpKind.RegisterLead:
            {
                var module = op.Kind == OpKind.RegisterAccount ? Module.Accounts : Module.Leads;
                var owner = Owner(op.A);
                var (company, branch) = Placement(op.B);
                var expected = _oracle.Gate(actor, module, Permission.Include)
                    ?? (_oracle.Sees(actor, owner ?? me, company, branch) ? Expected.Yes : new Expected.Refused(Denied.ScopeCode));
                var seed = _nextSeed++;
                var form = Form(seed, owner, company, branch, null);
                if (module == Module.Accounts)
                    await CheckAsync(index, op, expected, s => s.Accounts.RegisterAsync(form), write: true, async saved =>
                    {
                        _accounts.Add(saved.Id);
                        _seeds[saved.Id.Value] = seed;
                        await using var db = Open();
                        var account = await db.Accounts.SingleAsync(a => a.Id == saved.Id);
                        Placed(index, account, owner ?? me, company, branch, 1, saved.Version, db.Entry(account));
                    });
                else
                    await CheckAsync(index, op, expected, s => s.Leads.RegisterAsync(form), write: true, async saved =>
                    {
                        _leads.Add(saved.Id);
                        _seeds[saved.Id.Value] = seed;
                        await using var db = Open();
                        var lead = await db.Leads.SingleAsync(l => l.Id == saved.Id);
                        Placed(index, lead, owner ?? me, company, branch, 1, saved.Version, db.Entry(lead));
                    });
                break;
            }
            case OpKind.UpdateAccount or OpKind.UpdateLead:
            {
                var isAccount = op.Kind == OpKind.UpdateAccount;
                var module = isAccount ? Module.Accounts : Module.Leads;
                RegistrationRef? target = isAccount ? Pick(_accounts, op.A) is { } a ? a : null : Pick(_leads, op.A) is { } l ? l : null;
                if (target is null)
                {
                    Skip(index, op);
                    return;
                }
                var (party, version) = await PartyAsync(target);
                // Keep the owner, give it to a user, or take it away (only a Diretor-like reach sees records without owner).
                var owner = (op.B % (n + 2)) switch { 0 => party.Data.Owner, var k when k <= n => _users[k - 1], _ => (UserId?)null };
                var (company, branch) = op.C % 8 == 7 ? (party.Data.Company, party.Data.Branch) : Placement(op.C);
                var expected = _oracle.Gate(actor, module, Permission.Edit)
                    ?? (!_oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.NotFound
                        : !_oracle.Sees(actor, owner, company, branch) ? new Expected.Refused(Denied.ScopeCode) : Expected.Yes);
                var trade = $"Renomeada no passo {index}";
                var form = Form(_seeds[target.Match(x => x.Value, x => x.Value)], owner, company, branch, trade);
                var sent = op.Stale ? version - 1 : version;
                var history = party.History.Entries.Count;
                async Task Verify(long savedVersion)
                {
                    var (now, stored) = await PartyAsync(target);
                    Assert.Equal(version + 1, stored);
                    Assert.Equal(stored, savedVersion);
                    Assert.Equal((trade, owner, company, branch), (now.Data.TradeName, now.Data.Owner, now.Data.Company, now.Data.Branch));
                    Assert.True(now.History.Entries.Count > history, $"step {index}: an update wrote no history entry");
                }
                if (isAccount)
                    await CheckAsync(index, op, expected, s => s.Accounts.UpdateAsync(target.AsT1, sent, form), write: true, saved => Verify(saved.Version));
                else
                    await CheckAsync(index, op, expected, s => s.Leads.UpdateAsync(target.AsT0, sent, form), write: true, saved => Verify(saved.Version));
                break;
            }
            case OpKind.GetAccount or OpKind.GetLead:
            {
                var isAccount = op.Kind == OpKind.GetAccount;
                RegistrationRef? target = isAccount ? Pick(_accounts, op.A) is { } a ? a : null : Pick(_leads, op.A) is { } l ? l : null;
                if (target is null)
                {
                    Skip(index, op);
                    return;
                }
                var (party, version) = await PartyAsync(target);
                var expected = _oracle.Gate(actor, isAccount ? Module.Accounts : Module.Leads, Permission.View)
                    ?? (_oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.Yes : Expected.NotFound);
                if (isAccount)
                    await CheckAsync(index, op, expected, s => s.Accounts.GetAsync(target.AsT1), write: false, read =>
                    {
                        Assert.Equal((target.AsT1, version), (read.Account.Id, read.Version));
                        return Task.CompletedTask;
                    });
                else
                    await CheckAsync(index, op, expected, s => s.Leads.GetAsync(target.AsT0), write: false, read =>
                    {
                        Assert.Equal((target.AsT0, version), (read.Lead.Id, read.Version));
                        return Task.CompletedTask;
                    });
                break;
            }
            case OpKind.ListAccounts:
            {
                var expected = _oracle.Gate(actor, Module.Accounts, Permission.View) ?? Expected.Yes;
                HashSet<AccountId> visible;
                await using (var db = Open())
                    visible = [.. (await db.Accounts.AsNoTracking().ToListAsync())
                        .Where(a => _oracle.Sees(actor, a.Data.Owner, a.Data.Company, a.Data.Branch)).Select(a => a.Id)];
                await CheckAsync(index, op, expected, s => s.Accounts.ListAsync(0, Paging.MaxPageSize), write: false, rows =>
                {
                    var listed = rows.Select(r => r.Id).ToHashSet();
                    Assert.True(visible.SetEquals(listed), $"step {index}: the list shows [{string.Join(", ", listed.Except(visible))}] it must not " +
                        $"and misses [{string.Join(", ", visible.Except(listed))}]");
                    return Task.CompletedTask;
                });
                break;
            }
            case OpKind.ConvertLead:
            {
                if (Pick(_leads, op.A) is not { } lead)
                {
                    Skip(index, op);
                    return;
                }
                var (party, version) = await PartyAsync(lead);
                var expected = _oracle.Gate(actor, Module.Leads, Permission.Edit) ?? _oracle.Gate(actor, Module.Accounts, Permission.Include)
                    ?? (_oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.Yes : Expected.NotFound);
                var contacts = await ContactsOfAsync(lead);
                await CheckAsync(index, op, expected, s => s.Leads.ConvertAsync(lead), write: true, async converted =>
                {
                    _accounts.Add(converted.Account);
                    _seeds[converted.Account.Value] = _seeds[lead.Value];
                    await using var db = Open();
                    var account = await db.Accounts.SingleAsync(a => a.Id == converted.Account);
                    var stored = await db.Leads.SingleAsync(l => l.Id == lead);
                    Assert.Equal(lead, account.ConvertedFrom);
                    Assert.Equal(LeadStatus.Converted, stored.Status);
                    Assert.Equal(version + 1, Version(db.Entry(stored)));
                    Assert.Equal(1, Version(db.Entry(account)));
                    Assert.Equal(contacts, converted.ContactsMoved);
                    Assert.Equal(contacts, await ContactsOfAsync(converted.Account));
                    Assert.Equal(0, await ContactsOfAsync(lead));
                });
                break;
            }
            case OpKind.Merge:
            {
                if (Pick(_accounts, op.A) is not { } survivor || Pick(_accounts, op.B) is not { } absorbed)
                {
                    Skip(index, op);
                    return;
                }
                var (keep, keepVersion) = await PartyAsync(survivor);
                var (gone, goneVersion) = await PartyAsync(absorbed);
                var expected = _oracle.Gate(actor, Module.Accounts, Permission.Edit | Permission.Delete)
                    ?? (!_oracle.Sees(actor, keep.Data.Owner, keep.Data.Company, keep.Data.Branch) ? Expected.NotFound
                        : !_oracle.Sees(actor, gone.Data.Owner, gone.Data.Company, gone.Data.Branch) ? Expected.NotFound : Expected.Yes);
                var contacts = await ContactsOfAsync(absorbed);
                var kept = await ContactsOfAsync(survivor);
                await CheckAsync(index, op, expected, s => s.Accounts.MergeAsync(survivor, absorbed), write: true, async merged =>
                {
                    await using var db = Open();
                    var survivorNow = await db.Accounts.SingleAsync(a => a.Id == survivor);
                    var absorbedNow = await db.Accounts.SingleAsync(a => a.Id == absorbed);
                    Assert.Equal(survivor, absorbedNow.MergedInto);
                    Assert.Equal((keepVersion + 1, goneVersion + 1), (Version(db.Entry(survivorNow)), Version(db.Entry(absorbedNow))));
                    Assert.Equal(contacts, merged.ContactsMoved);
                    Assert.Equal(kept + contacts, await ContactsOfAsync(survivor));
                    Assert.Equal(0, await ContactsOfAsync(absorbed));
                });
                break;
            }
            case OpKind.AddContact:
            {
                RegistrationRef? owner = op.B % 2 == 0 ? Pick(_accounts, op.A) is { } a ? a : null : Pick(_leads, op.A) is { } l ? l : null;
                if (owner is null)
                {
                    Skip(index, op);
                    return;
                }
                var (party, _) = await PartyAsync(owner);
                var expected = _oracle.Gate(actor, Module.Contacts, Permission.Include)
                    ?? (_oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.Yes : Expected.NotFound);
                var before = await ContactsOfAsync(owner);
                await CheckAsync(index, op, expected, s => s.Contacts.AddAsync(owner, new ContactForm($"Pessoa {index}")), write: true, async saved =>
                {
                    _contacts.Add(saved.Id);
                    await using var db = Open();
                    var contact = await db.Contacts.SingleAsync(c => c.Id == saved.Id);
                    Assert.Equal(owner, contact.Owner);
                    Assert.Equal((1L, 1L), (saved.Version, Version(db.Entry(contact))));
                    Assert.Equal(before + 1, await ContactsOfAsync(owner));
                });
                break;
            }
            case OpKind.GetContact:
            {
                if (Pick(_contacts, op.A) is not { } id)
                {
                    Skip(index, op);
                    return;
                }
                RegistrationRef owner;
                await using (var db = Open())
                    owner = (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id)).Owner;
                var (party, _) = await PartyAsync(owner);
                var expected = _oracle.Gate(actor, Module.Contacts, Permission.View)
                    ?? (_oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.Yes : Expected.NotFound);
                await CheckAsync(index, op, expected, s => s.Contacts.GetAsync(id), write: false, read =>
                {
                    Assert.Equal(id, read.Contact.Id);
                    return Task.CompletedTask;
                });
                break;
            }
            case OpKind.UpdateContact or OpKind.ListContacts:
            {
                if (Pick(_contacts, op.A) is not { } id)
                {
                    Skip(index, op);
                    return;
                }
                var (contact, version) = await StoredAsync(db => db.Contacts.SingleAsync(c => c.Id == id));
                var (party, _) = await PartyAsync(contact.Owner);
                var sees = _oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch);
                if (op.Kind == OpKind.ListContacts)
                {
                    var count = await ContactsOfAsync(contact.Owner);
                    await CheckAsync(index, op, _oracle.Gate(actor, Module.Contacts, Permission.View) ?? (sees ? Expected.Yes : Expected.NotFound),
                        s => s.Contacts.OfAsync(contact.Owner), write: false, listed =>
                        {
                            Assert.Equal(count, listed.Count);
                            return Task.CompletedTask;
                        });
                    break;
                }
                var name = $"Pessoa renomeada no passo {index}";
                await CheckAsync(index, op, _oracle.Gate(actor, Module.Contacts, Permission.Edit) ?? (sees ? Expected.Yes : Expected.NotFound),
                    s => s.Contacts.UpdateAsync(id, op.Stale ? version - 1 : version, new ContactForm(name)), write: true, async saved =>
                    {
                        await using var db = Open();
                        var now = await db.Contacts.SingleAsync(c => c.Id == id);
                        Assert.Equal((version + 1, version + 1, name), (saved.Version, Version(db.Entry(now)), now.Name));
                        Assert.True(now.History.Entries.Count > contact.History.Entries.Count, $"step {index}: a contact update wrote no history");
                    });
                break;
            }
            case OpKind.CheckAccount:
            {
                var form = Form(_nextSeed++, Owner(op.A), null, null, null);
                await CheckAsync(index, op, _oracle.Gate(actor, Module.Accounts, Permission.Include) ?? Expected.Yes,
                    s => s.Accounts.CheckAsync(form), write: false, _ => Task.CompletedTask);
                break;
            }
            case OpKind.RegisterCompany:
            {
                var code = $"N{index}";
                await CheckAsync(index, op, _oracle.Gate(actor, Module.Settings, Permission.Include) ?? Expected.Yes,
                    _ => Engine.Tenants.RegisterCompanyAsync(_tenant, me, new UnitForm(code, $"Empresa do passo {index}")), write: true, async saved =>
                    {
                        await using var db = Open();
                        Assert.Equal(code, (await db.Companies.SingleAsync(c => c.Id == saved.Company)).Details.ErpCode.ToString());
                    });
                break;
            }
            case OpKind.OpenCard:
            {
                if (Pick(_leads, op.B) is not { } lead)
                {
                    Skip(index, op);
                    return;
                }
                var (board, stages) = _boards[op.A % _boards.Count];
                var released = await ReleasedAsync(board);
                var (party, _) = await PartyAsync(lead);
                var expected = _oracle.Gate(actor, Module.Boards, Permission.Include)
                    ?? (!_oracle.WorksOn(actor, released) ? Expected.BoardNotReleased
                        : _oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.Yes : Expected.NotFound);
                await CheckAsync(index, op, expected, s => s.Boards.OpenCardAsync(board, stages[op.C % stages.Count], $"Cartão do passo {index}", lead),
                    write: true, async opened =>
                    {
                        _cards.Add(opened.Id);
                        await using var db = Open();
                        var card = await db.Cards.SingleAsync(c => c.Id == opened.Id);
                        Assert.Equal((board, (LeadId?)lead, 1L, 1L), (card.Board, card.Prospect, opened.Version, Version(db.Entry(card))));
                    });
                break;
            }
            case OpKind.GetCard or OpKind.MoveCard or OpKind.ArchiveCard or OpKind.RestoreCard or OpKind.LoseCard or OpKind.ConvertCard
                or OpKind.DeleteCard:
            {
                if (Pick(_cards, op.A) is not { } id)
                {
                    Skip(index, op);
                    return;
                }
                var (card, version) = await StoredAsync(db => db.Cards.SingleAsync(c => c.Id == id));
                var released = await ReleasedAsync(card.Board);
                var sees = _oracle.SeesCards(actor, released);
                if (op.Kind == OpKind.GetCard)
                {
                    await CheckAsync(index, op, _oracle.Gate(actor, Module.Boards, Permission.View) ?? (sees ? Expected.Yes : Expected.NotFound),
                        s => s.Boards.GetCardAsync(id), write: false, read =>
                        {
                            Assert.Equal((id, version), (read.Card.Id, read.Version));
                            return Task.CompletedTask;
                        });
                    break;
                }
                var action = op.Kind == OpKind.DeleteCard ? Permission.Delete : Permission.Edit;
                var deleteProspect = op.B % 2 == 1;
                var expected = _oracle.Gate(actor, Module.Boards, action)
                    ?? (!sees ? Expected.NotFound : !_oracle.WorksOn(actor, released) ? Expected.BoardNotReleased : null);
                if (expected is null)
                {
                    // The card's own rule runs first (it may refuse the action as invalid), then its effect's checks.
                    var prospect = card.Prospect is { } p && _leads.Contains(p) ? await PartyAsync(p) : default;
                    bool SeesProspect() => prospect.Party is { } lead && _oracle.Sees(actor, lead.Data.Owner, lead.Data.Company, lead.Data.Branch);
                    expected = op.Kind switch
                    {
                        OpKind.ConvertCard => (_oracle.Gate(actor, Module.Leads, Permission.Edit) ?? _oracle.Gate(actor, Module.Accounts, Permission.Include)
                            ?? (SeesProspect() ? Expected.Yes : Expected.NotFound)).AfterDomainRules(),
                        OpKind.DeleteCard when deleteProspect => (_oracle.Gate(actor, Module.Leads, Permission.Delete)
                            ?? (SeesProspect() ? Expected.Yes : Expected.NotFound)).AfterDomainRules(),
                        _ => Expected.Yes,
                    };
                }
                var sent = op.Stale ? version - 1 : version;
                var (_, stages) = _boards.Single(b => b.Id == card.Board);
                var contacts = card.Prospect is { } prospectId && _leads.Contains(prospectId) ? await ContactsOfAsync(prospectId) : 0;
                Func<CrmSession, Task<CrmResult<Crm.Sdk.Boards.CardChanged>>> call = op.Kind switch
                {
                    OpKind.MoveCard => s => s.Boards.MoveCardAsync(id, sent, stages[op.C % stages.Count]),
                    OpKind.ArchiveCard => s => s.Boards.ArchiveCardAsync(id, sent),
                    OpKind.RestoreCard => s => s.Boards.RestoreCardAsync(id, sent),
                    OpKind.LoseCard => s => s.Boards.LoseCardAsync(id, sent, "Sem interesse"),
                    OpKind.ConvertCard => s => s.Boards.ConvertToCustomerAsync(id, sent),
                    _ => s => s.Boards.DeleteCardAsync(id, sent, deleteProspect),
                };
                await CheckAsync(index, op, expected, call, write: true, async changed =>
                {
                    await using var db = Open();
                    var now = await db.Cards.SingleOrDefaultAsync(c => c.Id == id);
                    Assert.True(now is not null, $"step {index}: the card row is gone");
                    Assert.Equal((version + 1, version + 1), (changed.Version, Version(db.Entry(now!))));
                    if (changed.Customer is { } customer)
                    {
                        var account = await db.Accounts.SingleAsync(a => a.Id == customer);
                        Assert.Equal(card.Prospect, account.ConvertedFrom);
                        Assert.Equal(LeadStatus.Converted, (await db.Leads.SingleAsync(l => l.Id == card.Prospect)).Status);
                        Assert.Equal(contacts, await ContactsOfAsync(customer));
                        _accounts.Add(customer);
                        _seeds[customer.Value] = _seeds[card.Prospect!.Value.Value];
                    }
                    if (changed.ProspectDeleted is { } deleted)
                    {
                        Assert.Equal(card.Prospect, deleted);
                        Assert.False(await db.Leads.AnyAsync(l => l.Id == deleted), $"step {index}: the deleted prospect is still stored");
                        Assert.Equal(0, await ContactsOfAsync(deleted));
                        _leads.Remove(deleted);
                        _contacts.Clear();
                        _contacts.AddRange(await db.Contacts.Select(c => c.Id).ToListAsync());
                    }
                    Assert.True(op.Kind != OpKind.ConvertCard || changed.Customer is not null, $"step {index}: a card converted to customer without an account");
                    Assert.True(op.Kind != OpKind.DeleteCard || !deleteProspect || changed.ProspectDeleted is not null,
                        $"step {index}: a card deleted with its prospect kept the prospect");
                });
                break;
            }
            case OpKind.ReleaseBoard:
            {
                var (board, _) = _boards[op.A % _boards.Count];
                var user = _users[op.B % _users.Length];
                var released = await ReleasedAsync(board);
                await CheckAsync(index, op, _oracle.Gate(actor, Module.Boards, Permission.Edit)
                        ?? (_oracle.WorksOn(actor, released) ? Expected.Yes : Expected.BoardNotReleased),
                    s => s.Boards.ReleaseAsync(board, user), write: true, async saved =>
                    {
                        Assert.Contains(user, await ReleasedAsync(board));
                        Assert.Equal(released.Count + 1, (await ReleasedAsync(board)).Count);
                    });
                break;
            }
            case OpKind.ReadSettings:
                await CheckAsync(index, op, _oracle.Gate(actor, Module.Settings, Permission.View) ?? Expected.Yes,
                    s => s.Settings.AccountsAsync(), write: false, _ => Task.CompletedTask);
                break;
            case OpKind.SaveSettings:
            {
                // Trade name is on every generated form: making it mandatory or not never refuses a later registration.
                IReadOnlyCollection<RegistrationField> fields = op.A % 2 == 0 ? [] : [RegistrationField.TradeName];
                await CheckAsync(index, op, _oracle.Gate(actor, Module.Settings, Permission.Edit) ?? Expected.Yes,
                    s => s.Settings.SaveMandatoryFieldsAsync(op.B % 2 == 0 ? RegistrationKind.Lead : RegistrationKind.Account, fields),
                    write: true, async _ =>
                    {
                        await using var db = Open();
                        var stored = await db.Settings.AccountsAsync();
                        Assert.True((op.B % 2 == 0 ? stored.LeadMandatory : stored.AccountMandatory).SetEquals(fields));
                    });
                break;
            }
            case OpKind.CreateOpportunity:
            {
                if (Pick(_accounts, op.A) is not { } accountId)
                {
                    Skip(index, op);
                    return;
                }
                var (account, _) = await PartyAsync(accountId);
                var owner = Owner(op.B) ?? me;
                var expected = _oracle.Gate(actor, Module.Opportunities, Permission.Include)
                    ?? (!_oracle.Sees(actor, owner, null, null) ? new Expected.Refused(Denied.ScopeCode)
                        : !_oracle.Sees(actor, account.Data.Owner, account.Data.Company, account.Data.Branch) ? Expected.NotFound : Expected.Yes);
                await CheckAsync(index, op, expected, s => s.Funnel.CreateAsync(_pipeline.Id, new OpportunityDraft($"Negócio {index}", accountId, owner)),
                    write: true, async created =>
                    {
                        _opportunities.Add(created.Id);
                        await using var db = Open();
                        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == created.Id);
                        Assert.Equal((owner, accountId, 1L, 1L), (opportunity.Owner, opportunity.Account, created.Version, Version(db.Entry(opportunity))));
                        Assert.Single(opportunity.History);
                    });
                break;
            }
            case OpKind.GetOpportunity or OpKind.MoveOpportunity or OpKind.WinOpportunity or OpKind.LoseOpportunity:
            {
                if (Pick(_opportunities, op.A) is not { } id)
                {
                    Skip(index, op);
                    return;
                }
                var (opportunity, version) = await StoredAsync(db => db.Opportunities.SingleAsync(o => o.Id == id));
                var hidden = !_oracle.Sees(actor, opportunity.Owner, null, null);
                if (op.Kind == OpKind.GetOpportunity)
                {
                    await CheckAsync(index, op, _oracle.Gate(actor, Module.Opportunities, Permission.View) ?? (hidden ? Expected.NotFound : Expected.Yes),
                        s => s.Funnel.GetAsync(id), write: false, read =>
                        {
                            Assert.Equal((id, version), (read.Opportunity.Id, read.Version));
                            return Task.CompletedTask;
                        });
                    break;
                }
                var sent = op.Stale ? version - 1 : version;
                var stage = _pipeline.Stages[op.B % _pipeline.Stages.Count];
                var (party, accountVersion) = await PartyAsync(opportunity.Account);
                // A stage that promotes the account is an account edit: Accounts › Edit and the account visible, after the domain's rules.
                var entered = op.Kind switch
                {
                    OpKind.MoveOpportunity => stage,
                    OpKind.WinOpportunity => _pipeline.Stages.Single(s => s.Outcome == StageOutcome.Won),
                    _ => null,
                };
                var promotes = entered?.PromoteAccountTo is { } type && Crm.Sdk.Funnel.FunnelModule.Promotes(_pipeline, party.Data.AccountType, type, entered.Id);
                var editsAccount = _oracle.Gate(actor, Module.Accounts, Permission.Edit)
                    ?? (_oracle.Sees(actor, party.Data.Owner, party.Data.Company, party.Data.Branch) ? Expected.Yes : new Expected.Refused(Denied.ScopeCode, Module.Accounts));
                var expected = _oracle.Gate(actor, Module.Opportunities, Permission.Edit)
                    ?? (hidden ? Expected.NotFound : promotes ? editsAccount.AfterDomainRules() : Expected.Yes);
                Func<CrmSession, Task<CrmResult<Crm.Sdk.Funnel.OpportunityMoved>>> call = op.Kind switch
                {
                    OpKind.MoveOpportunity => s => s.Funnel.MoveAsync(id, sent, stage.Id, stage.Outcome == StageOutcome.Lost ? "Sem orçamento" : null),
                    OpKind.WinOpportunity => s => s.Funnel.WinAsync(id, sent),
                    _ => s => s.Funnel.LoseAsync(id, sent, "Preço"),
                };
                await CheckAsync(index, op, expected, call, write: true, async moved =>
                {
                    await using var db = Open();
                    var now = await db.Opportunities.SingleAsync(o => o.Id == id);
                    Assert.Equal((version + 1, version + 1), (moved.Version, Version(db.Entry(now))));
                    Assert.Equal(opportunity.History.Count + 1, now.History.Count);
                    Assert.Equal((moved.To, moved.Status), (now.Stage, now.Status));
                    var account = await db.Accounts.SingleAsync(a => a.Id == opportunity.Account);
                    if (moved.AccountPromotedTo is { } promoted)
                    {
                        Assert.Equal(promoted, account.Data.AccountType);
                        Assert.Equal(accountVersion + 1, Version(db.Entry(account)));
                    }
                    else
                        Assert.Equal(accountVersion, Version(db.Entry(account)));
                });
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.Kind, null);
        }
    }

    // ---- checking a step ----------------------------------------------------------------------------------------------

    private async Task CheckAsync<T>(int index, Op op, Expected expected, Func<CrmSession, Task<CrmResult<T>>> call, bool write,
        Func<T, Task> verify)
    {
        var before = _rows;
        var result = await call(Engine.Session(_tenant, ActorId(op.Actor)));
        var after = await SnapshotAsync();
        _rows = after;
        _trace.Add($"  {index,2}: {op} — expected {Name(expected)}, got {Describe(result)}");
        _tally.Count(expected, result.Value is Invalid or Duplicate ? Describe(result) : result.Outcome);
        if (result.Succeeded)
            _tally.Succeeded(op.Kind);

        var agrees = (expected, result.Value) switch
        {
            (Expected.Refused refused, Denied denied) => denied.Code == refused.Code && (refused.Module is null || denied.Module == refused.Module),
            (Expected.Hidden, NotFound) => true,
            (Expected.Refused { OrInvalid: true } or Expected.Hidden { OrInvalid: true }, Invalid) => true,
            (Expected.Allowed, Denied or NotFound) => false,
            (Expected.Allowed, _) => true,
            _ => false,
        };
        if (!agrees)
            Fail(index, $"the oracle expected {Name(expected)}, the engine answered {Describe(result)}");
        if (result.Succeeded && op.Stale && op.Kind is OpKind.UpdateAccount or OpKind.UpdateLead or OpKind.MoveOpportunity
                or OpKind.WinOpportunity or OpKind.LoseOpportunity or OpKind.UpdateContact or OpKind.MoveCard or OpKind.ArchiveCard
                or OpKind.RestoreCard or OpKind.LoseCard or OpKind.ConvertCard or OpKind.DeleteCard)
            Fail(index, "a change based on a stale version was saved (no conflict)");
        if (result.Value is Conflict && !op.Stale)
            Fail(index, "a change based on the stored version met a conflict");
        if (!result.Succeeded || !write)
        {
            var changed = before.Differences(after);
            if (changed.Count > 0)
                Fail(index, $"a {(result.Succeeded ? "read" : "refused step")} changed stored rows:\n    " + string.Join("\n    ", changed));
            return;
        }
        if (before.Differences(after).Count == 0 && op.Kind != OpKind.SaveSettings) // saving the settings as stored may write nothing
            Fail(index, "a successful write changed no stored row");
        try
        {
            await verify(result.AsT0);
        }
        catch (Exception e) when (e is XunitException or InvalidOperationException)
        {
            Fail(index, $"the write is not wholly there: {e.Message}");
        }
    }

    /// <summary>Whole-tenant invariants after the last step: nothing dangles, nothing is half converted or half merged.</summary>
    private async Task CheckInvariantsAsync()
    {
        await using var db = Open();
        var accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id);
        var leads = await db.Leads.AsNoTracking().ToDictionaryAsync(l => l.Id);
        foreach (var contact in await db.Contacts.AsNoTracking().ToListAsync())
            Assert.True(contact.Owner.Match(leads.ContainsKey, accounts.ContainsKey), $"contact {contact.Id.Value} belongs to nothing");
        foreach (var account in accounts.Values)
        {
            if (account.MergedInto is { } survivor)
                Assert.True(accounts.ContainsKey(survivor), $"account {account.Id.Value} merged into nothing");
            if (account.ConvertedFrom is { } lead)
                Assert.Equal(LeadStatus.Converted, leads[lead].Status);
        }
        foreach (var lead in leads.Values.Where(l => l.Status == LeadStatus.Converted))
            Assert.Single(accounts.Values, a => a.ConvertedFrom == lead.Id);
        foreach (var opportunity in await db.Opportunities.AsNoTracking().ToListAsync())
            Assert.True(accounts.ContainsKey(opportunity.Account), $"opportunity {opportunity.Id.Value} has no account");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private (CompanyId?, BranchId?) Placement(int choice) => choice % 7 == 0 ? (null, null) : _pairs[choice % 7 - 1];

    private UserId ActorId(int actor) => actor < _users.Length ? _users[actor] : actor == _users.Length ? _support : _unknown;

    private CrmDbContext Open() => _database.Open(_tenant);

    private Task<TenantRows> SnapshotAsync() => SnapshotAsync(this);

    private static async Task<TenantRows> SnapshotAsync(ScenarioRun run)
    {
        await using var db = run.Open();
        return await TenantRows.ReadAsync(db, run._tenant);
    }

    private static T? Pick<T>(List<T> list, int choice) where T : struct => list.Count == 0 ? null : list[choice % list.Count];

    private Task<(RegisteredParty Party, long Version)> PartyAsync(RegistrationRef id) => StoredAsync<RegisteredParty>(async db => id.IsT0
        ? await db.Leads.SingleAsync(l => l.Id == id.AsT0)
        : await db.Accounts.SingleAsync(a => a.Id == id.AsT1));

    /// <summary>A stored aggregate, as <paramref name="find"/> reads it in a unit of work of its own, with its stored version.</summary>
    private async Task<(T Entity, long Version)> StoredAsync<T>(Func<CrmDbContext, Task<T>> find) where T : class
    {
        await using var db = Open();
        var entity = await find(db);
        return (entity, Version(db.Entry((object)entity)));
    }

    private async Task<IReadOnlyList<UserId>> ReleasedAsync(BoardId board)
    {
        await using var db = Open();
        return (await db.Boards.AsNoTracking().SingleAsync(b => b.Id == board)).Users;
    }

    private async Task<int> ContactsOfAsync(RegistrationRef owner)
    {
        await using var db = Open();
        return await db.Contacts.CountAsync(c => c.Owner == owner);
    }

    private static long Version(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => (long)entry.Property("Version").CurrentValue!;

    private static void Placed(int index, RegisteredParty party, UserId owner, CompanyId? company, BranchId? branch, long version, long saved,
        Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        Assert.Equal((owner, company, branch), (party.Data.Owner, party.Data.Company, party.Data.Branch));
        Assert.Equal((version, version), (saved, Version(entry)));
        Assert.True(party.History.Entries.Count > 0, $"step {index}: a registration wrote no history");
    }

    private void Skip(int index, Op op)
    {
        _trace.Add($"  {index,2}: {op} — nothing to act on yet");
        _tally.Skipped++;
    }

    private void Fail(int index, string message) =>
        throw new XunitException($"Step {index} ({_scenario.Ops[index]}): {message}\ntrace ({_database.Provider}):\n{string.Join("\n", _trace)}");

    private static string Name(Expected expected) => expected switch
    {
        Expected.Refused r => $"Denied({r.Code}{(r.Module is { } m ? $", {m}" : "")}){(r.OrInvalid ? " or Invalid" : "")}",
        Expected.Hidden h => $"NotFound{(h.OrInvalid ? " or Invalid" : "")}",
        _ => "allowed",
    };

    private static string Describe<T>(CrmResult<T> result) => result.Value switch
    {
        Denied d => $"Denied({d.Code}, {d.Module}.{d.Action})",
        NotFound f => $"NotFound({f.Entity})",
        Invalid i => $"Invalid({string.Join(", ", i.Problems.Where(p => p.Severity == Severity.Error).Select(p => p.Code))})",
        Duplicate d => $"Duplicate({string.Join(", ", d.Problems.Where(p => p.Severity == Severity.Error).Select(p => p.Code))})",
        Conflict => "Conflict",
        _ => "success",
    };

    private static T Ok<T>(CrmResult<T> result) => result.TryPickT0(out var value, out _) ? value
        : throw new XunitException($"Setting up the tenant failed: {result.Outcome}: {string.Join("; ", result.Problems)}");

    /// <summary>A company's registration; everything unique to <paramref name="seed"/> (CNPJ, short name, e-mail).</summary>
    internal static RegistrationForm Form(int seed, UserId? owner, CompanyId? company, BranchId? branch, string? tradeName) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Indústria Gerada {seed} S.A.",
        TradeName = tradeName ?? $"Gerada {seed}",
        ShortName = $"GER{seed}",
        TaxId = TaxIdOf(seed),
        StateRegistration = "110.042.490.114",
        Owner = owner,
        Company = company,
        Branch = branch,
        Addresses = [new(AddressKind.Correspondence, "Rua Augusta", $"{seed}", null, "Consolação", "São Paulo", "SP", "01305-000", "3550308", null, false)],
        Emails = [new EmailForm($"vendas{seed}@gerada.com.br")],
    };

    private static string TaxIdOf(int seed) =>
        Cnpj.Parse(Enumerable.Range(0, 100).Select(dv => $"{seed + 40_000_000:D8}0001{dv:D2}").First(Cnpj.IsValid)).AsT0.ToString();
}
