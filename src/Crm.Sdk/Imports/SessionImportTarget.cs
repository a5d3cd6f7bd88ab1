using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Problems;
using Crm.Imports;
using Crm.Imports.Customers;
using Crm.Sdk.Accounts;
using Crm.Persistence.Duplicates;
using Crm.Sdk.Engine;

namespace Crm.Sdk.Imports;

/// <summary>
/// The engine's side of a sheet import (customers, leads, contacts): each batch is one use case of the session (one unit of
/// work, logged, needing Imports › Include). The subclass judges the batch's rows as typed forms are judged, staging what
/// they change; the accepted rows are then saved together, or none of them.
/// </summary>
internal abstract class SessionImportTarget<TRow>(CrmSession session, string useCase) : IImportTarget<TRow>
{
    public async Task<IReadOnlyList<CustomerOutcome>> SaveAsync(IReadOnlyList<TRow> batch, bool dryRun, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync(useCase, Module.Imports, Permission.Include,
            work => SaveAsync(work, batch, dryRun), cancellationToken).ConfigureAwait(false);
        // A failure of the whole batch (its save refused, access lost) refuses every row with the reason.
        return result.Match(outcomes => outcomes, _ => Refused(batch, result.Problems), _ => Refused(batch, result.Problems),
            _ => Refused(batch, result.Problems), _ => Refused(batch, result.Problems), _ => Refused(batch, result.Problems));
    }

    /// <summary>One outcome per row of <paramref name="batch"/>, in its order; what the accepted rows change is staged in <paramref name="work"/>.</summary>
    protected abstract Task<IReadOnlyList<CustomerOutcome>> JudgeAsync(UnitOfWork work, IReadOnlyList<TRow> batch);

    private static IReadOnlyList<CustomerOutcome> Refused(IReadOnlyList<TRow> batch, IReadOnlyList<Problem> problems) =>
        [.. batch.Select(_ => new CustomerOutcome(CustomerOutcomeKind.Rejected, problems))];

    private async Task<CrmResult<IReadOnlyList<CustomerOutcome>>> SaveAsync(UnitOfWork work, IReadOnlyList<TRow> batch, bool dryRun)
    {
        var outcomes = await JudgeAsync(work, batch).ConfigureAwait(false);
        if (dryRun || !outcomes.Any(o => o.Kind is CustomerOutcomeKind.Created or CustomerOutcomeKind.Updated))
            return CrmResult<IReadOnlyList<CustomerOutcome>>.Of(outcomes);
        var saved = await work.SaveAsync(0).ConfigureAwait(false);
        return saved.TryPickT0(out _, out _) ? CrmResult<IReadOnlyList<CustomerOutcome>>.Of(outcomes) : saved.Failure<IReadOnlyList<CustomerOutcome>>();
    }

    protected static CustomerOutcome Rejected(params IReadOnlyList<Problem> problems) => new(CustomerOutcomeKind.Rejected, problems);
}

/// <summary>
/// Imported lead or account rows judged as their typed forms are (<see cref="Accounts.PartyWrites"/>' steps, each outcome a
/// row's instead of the use case's): the permission, the placement in the user's scope, the registration rules against the
/// database, and the CPF/CNPJs and short names of the batch's earlier accepted rows, which the database cannot see yet. A
/// batch first checks every row without the database (<see cref="Register"/>, <see cref="Update"/>), reads the valid rows'
/// duplicate keys ahead in one go (<see cref="PreloadAsync"/>), then judges each row (<see cref="RegisterAsync"/>,
/// <see cref="UpdateAsync"/>).
/// </summary>
internal sealed class PartyRows
{
    private readonly UnitOfWork _work;
    private readonly Module _module;
    private readonly RegistrationKind _kind;
    private readonly AccountSettings _settings;
    private readonly List<Registrations.FirstPass> _passes = [];
    private readonly HashSet<string> _taxIds = [];
    private readonly HashSet<string> _shortNames = [];

    private PartyRows(UnitOfWork work, Module module, RegistrationKind kind, AccountSettings settings) =>
        (_work, _module, _kind, _settings) = (work, module, kind, settings);

    public static async Task<PartyRows> OfAsync(UnitOfWork work, Module module, RegistrationKind kind) =>
        new(work, module, kind, await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false));

    /// <summary>The first pass of a row registering <paramref name="form"/> as <paramref name="id"/> (no owner: the user).</summary>
    public Registrations.FirstPass Register(RegistrationForm form, RegistrationRef id) =>
        Checked(form with { Owner = form.Owner ?? _work.User }, id);

    /// <summary>
    /// The first pass of a row replacing <paramref name="party"/>'s registration with <paramref name="form"/>; a form without
    /// owner, company or branch keeps the record's (the file says nothing of placement unless it has the columns).
    /// </summary>
    public Registrations.FirstPass Update(RegisteredParty party, RegistrationRef id, RegistrationForm form) =>
        Checked(form with { Owner = form.Owner ?? party.Data.Owner, Company = form.Company ?? party.Data.Company, Branch = form.Branch ?? party.Data.Branch }, id);

    private Registrations.FirstPass Checked(RegistrationForm form, RegistrationRef id)
    {
        var pass = Registrations.Check(form, _settings, _kind, id);
        _passes.Add(pass);
        return pass;
    }

    /// <summary>Reads the duplicate keys and short names of every valid first pass so far in one go.</summary>
    public Task PreloadAsync() => _work.Db.PreloadAsync(_passes.Select(p => p.Data).OfType<RegistrationData>(), _work.Cancellation);

    /// <summary>Registers the row of <paramref name="pass"/> with <paramref name="create"/>, then <paramref name="added"/> (keys, the ERP message).</summary>
    public async Task<CustomerOutcome> RegisterAsync<TParty>(Registrations.FirstPass pass, Func<ValidRegistration, TParty> create, Func<TParty, Task>? added = null)
        where TParty : RegisteredParty
    {
        if ((await ValidAsync(Permission.Include, pass).ConfigureAwait(false)).TryPickT1(out var rejected, out var valid))
            return rejected;
        var party = create(valid);
        _work.Db.Add((object)party); // by its runtime type: Account or Lead
        if (added is not null)
            await added(party).ConfigureAwait(false);
        return new CustomerOutcome(CustomerOutcomeKind.Created, valid.Warnings);
    }

    /// <summary>
    /// Replaces the registration of <paramref name="party"/> (found and visible) by the row of <paramref name="pass"/>. A change
    /// calls <paramref name="changed"/> (the ERP message); none is <see cref="CustomerOutcomeKind.Unchanged"/> and writes nothing.
    /// </summary>
    public async Task<CustomerOutcome> UpdateAsync(RegisteredParty party, Registrations.FirstPass pass, Func<Task>? changed = null)
    {
        if ((await ValidAsync(Permission.Edit, pass).ConfigureAwait(false)).TryPickT1(out var rejected, out var valid))
            return rejected;
        if (party.Update(valid, _work.User, _work.Clock).TryPickT1(out var frozen, out var changes))
            return Rejected(frozen.Problems);
        if (changes.Count == 0)
            return new CustomerOutcome(CustomerOutcomeKind.Unchanged, valid.Warnings);
        if (changed is not null)
            await changed().ConfigureAwait(false);
        return new CustomerOutcome(CustomerOutcomeKind.Updated, valid.Warnings);
    }

    // What a register and an update both check: the module's permission, the placement, the registration rules against the
    // database, and the batch's earlier rows.
    private async Task<OneOf.OneOf<ValidRegistration, CustomerOutcome>> ValidAsync(Permission permission, Registrations.FirstPass pass)
    {
        if (_work.Access.Check(_module, Permission.Access | permission) is { } denied)
            return Rejected(denied.ToProblem());
        if (_work.CheckPlacement(_module, permission, pass.Form.Owner, pass.Form.Company, pass.Form.Branch) is { } outside)
            return Rejected(outside.ToProblem());
        var checkedForm = await Registrations.ValidateAsync(_work, pass).ConfigureAwait(false);
        if (!checkedForm.TryPickT0(out var valid, out _))
            return Rejected(checkedForm.Problems);
        if (Repeated(valid) is { Count: > 0 } repeated)
            return Rejected(repeated);
        return valid;
    }

    private static CustomerOutcome Rejected(params IReadOnlyList<Problem> problems) => new(CustomerOutcomeKind.Rejected, problems);

    private List<Problem> Repeated(ValidRegistration valid)
    {
        var problems = new List<Problem>();
        if (valid.Data.TaxId is { } taxId && !_taxIds.Add(taxId.Digits))
            problems.Add(new("tax_id", "account.tax_id.duplicate", "Este CPF/CNPJ já está em uma linha anterior deste lote."));
        if (valid.Data.ShortName is { } shortName && !_shortNames.Add(shortName.Key))
            problems.Add(new("short_name", AccountCodes.ShortNameDuplicate, "Este nome abreviado já está em uma linha anterior deste lote."));
        return problems;
    }
}
