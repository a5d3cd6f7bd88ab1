using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Matrices;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Matrices;

/// <summary>
/// The tenant's tax and commercial matrices (module <see cref="Module.Pricing"/>): their rules changed all or nothing,
/// checked by the domain as <see cref="Matrix{TPayload}.Build"/> checks them, based on the version read; read by page; and
/// each save kept in the matrix's history. Orders are priced with what is stored, from the next order on.
/// </summary>
public sealed class MatrixModule
{
    /// <summary>Problem code: no matrix has that name.</summary>
    public const string UnknownCode = "matrix.unknown";

    private readonly CrmSession _session;

    internal MatrixModule(CrmSession session) => _session = session;

    /// <summary>The names of every matrix the engine stores, tax matrices first (<c>icms</c>, <c>icms_st</c>…).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. MatrixKinds.All.Select(k => k.Name)];

    /// <summary>
    /// Changes the matrix of <typeparamref name="TPayload"/> (permissions Include and Edit, and Delete when it removes rules): the rules of <paramref name="change"/>
    /// replace the stored ones of their ids or are added, the removed ids are dropped. Nothing is written when the result
    /// would not build (every configuration error returned, each naming its rule and field: <c>icms[R1].validity</c>), when
    /// a removed id is not stored (<see cref="MatrixCodes.RuleNotFound"/>), or when the matrix was saved since
    /// <see cref="MatrixChange{TPayload}.Version"/> (<see cref="Conflict"/>).
    /// </summary>
    public Task<CrmResult<MatrixSaved>> SaveAsync<TPayload>(MatrixChange<TPayload> change, CancellationToken cancellationToken = default)
        where TPayload : IMatrixPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(change);
        return _session.RunAsync("matrix.save", Module.Pricing, Permission.Include | Permission.Edit,
            work => MatrixSaves.SaveAsync(work, change.Version, change.Rules, change.Removed), cancellationToken);
    }

    /// <summary>A page of the rules of the matrix of <typeparamref name="TPayload"/> by id, with its version (permission View).</summary>
    public Task<CrmResult<MatrixRules<TPayload>>> GetAsync<TPayload>(int skip, int take, CancellationToken cancellationToken = default)
        where TPayload : IMatrixPayload<TPayload> =>
        _session.RunAsync<MatrixRules<TPayload>>("matrix.get", Module.Pricing, Permission.View, async work =>
        {
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var summary = await SummaryAsync(work, TPayload.MatrixName).ConfigureAwait(false);
            var rules = await work.Db.RulePageAsync<TPayload>(skip, take, work.Cancellation).ConfigureAwait(false);
            return new MatrixRules<TPayload>(summary, rules);
        }, cancellationToken);

    /// <summary>A page of the rules of the matrix named <paramref name="matrix"/> by id, untyped (permission View).</summary>
    public Task<CrmResult<MatrixPage>> ListAsync(string matrix, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return _session.RunAsync<MatrixPage>("matrix.list", Module.Pricing, Permission.View, async work =>
        {
            if (MatrixKinds.Named(matrix) is not { } kind)
                return Unknown(matrix);
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var summary = await SummaryAsync(work, kind.Name).ConfigureAwait(false);
            return new MatrixPage(summary, await kind.PageAsync(work.Db, skip, take, work.Cancellation).ConfigureAwait(false));
        }, cancellationToken);
    }

    /// <summary>Every matrix with its version, rule count and last change; a matrix never saved has version 0 (permission View).</summary>
    public Task<CrmResult<IReadOnlyList<MatrixSummary>>> SummariesAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("matrix.summaries", Module.Pricing, Permission.View, async work =>
        {
            var stored = await work.Db.StoredVersionsAsync(null, work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<MatrixSummary>>.Of([.. MatrixKinds.All.Select(k => Summary(k.Name, stored.Find(s => s.Matrix == k.Name)))]);
        }, cancellationToken);

    /// <summary>
    /// The saves of the matrix named <paramref name="matrix"/>, newest first (permission View): each with how many rules it
    /// changed and removed and the first <see cref="HistoryIds"/> of their ids (a 10⁵-rule import is one save of 10⁵ ids; page
    /// them with <see cref="HistoryIdsAsync"/>).
    /// </summary>
    public Task<CrmResult<IReadOnlyList<MatrixHistoryEntry>>> HistoryAsync(string matrix, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return _session.RunAsync("matrix.history", Module.Pricing, Permission.View, async work =>
        {
            if (MatrixKinds.Named(matrix) is not { } kind)
                return Unknown(matrix);
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var rows = await work.Db.MatrixChanges.AsNoTracking().Where(c => c.Matrix == kind.Name).OrderByDescending(c => c.MatrixVersion)
                .Skip(skip).Take(take).ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<MatrixHistoryEntry>>.Of([.. rows.Select(r =>
            {
                var (changed, removed) = (r.ChangedIds, r.RemovedIds);
                return new MatrixHistoryEntry(r.MatrixVersion, r.At, r.By, changed.Count, removed.Count, [.. changed.Take(HistoryIds)], [.. removed.Take(HistoryIds)]);
            })]);
        }, cancellationToken);
    }

    /// <summary>How many ids of each kind a history entry lists.</summary>
    public const int HistoryIds = 100;

    /// <summary>
    /// A page of the ids one save of the matrix named <paramref name="matrix"/> changed (or, with <paramref name="removed"/>,
    /// removed), in the save's order (permission View); at most <see cref="Paging.MaxPageSize"/>.
    /// </summary>
    public Task<CrmResult<IReadOnlyList<string>>> HistoryIdsAsync(string matrix, long version, bool removed, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return _session.RunAsync("matrix.history_ids", Module.Pricing, Permission.View, async work =>
        {
            if (MatrixKinds.Named(matrix) is not { } kind)
                return Unknown(matrix);
            if (Paging.Check(skip, take) is { } invalid)
                return invalid;
            var row = await work.Db.MatrixChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Matrix == kind.Name && c.MatrixVersion == version, work.Cancellation)
                .ConfigureAwait(false);
            if (row is null)
                return new NotFound("matrix_version", Guid.Empty) { Key = $"{kind.Name}@{version}" };
            return CrmResult<IReadOnlyList<string>>.Of([.. (removed ? row.RemovedIds : row.ChangedIds).Skip(skip).Take(take)]);
        }, cancellationToken);
    }

    internal static Invalid Unknown(string matrix) =>
        new([new Problem("matrix", UnknownCode, $"Não há matriz '{matrix}'. Matrizes: {string.Join(", ", Names)}.")]);

    private static async Task<MatrixSummary> SummaryAsync(UnitOfWork work, string matrix) =>
        Summary(matrix, (await work.Db.StoredVersionsAsync(matrix, work.Cancellation).ConfigureAwait(false)).SingleOrDefault());

    private static MatrixSummary Summary(string matrix, StoredMatrixVersion? stored) =>
        stored is null ? new(matrix, 0, 0, null, null) : new(matrix, stored.Version, stored.Rules, stored.ChangedAt, stored.ChangedBy);
}

/// <summary>The save of a matrix change, shared by <see cref="MatrixModule.SaveAsync{TPayload}"/> and the matrix import.</summary>
internal static class MatrixSaves
{
    public static async Task<CrmResult<MatrixSaved>> SaveAsync<TPayload>(UnitOfWork work, long expected,
        IReadOnlyList<MatrixRule<TPayload>> rules, IReadOnlyList<string> removed)
        where TPayload : IMatrixPayload<TPayload>
    {
        // Adding and changing rules is Include and Edit (checked by the caller, as the catalog's save); removing them is Delete.
        if (removed.Count > 0 && work.Access.Check(Module.Pricing, Permission.Delete) is { } denied)
            return denied;
        var (db, name, matrices) = (work.Db, TPayload.MatrixName, work.Engine.StoredMatrices);
        await using var transaction = await db.Database.BeginTransactionAsync(work.Cancellation).ConfigureAwait(false);
        var stored = await db.VersionRowAsync(name, work.Cancellation).ConfigureAwait(false);
        var version = stored?.Version ?? 0;
        if (version != expected)
            return Stale(name);
        var (current, held) = await matrices.MatrixAsync<TPayload>(db, work.Tenant, work.Cancellation).ConfigureAwait(false);
        if (held != version)
            return Stale(name); // saved between the two reads
        var problems = new List<Problem>();
        foreach (var rule in rules.Where(r => r.Id is { Length: > MatrixRuleRow.IdLength }))
            problems.Add(new Problem($"{name}[{rule.Id}].id", TextCodes.TooLong, $"No máximo {MatrixRuleRow.IdLength} caracteres."));
        if (!current.With(rules, removed).TryPickT0(out var changed, out var invalid))
            problems.AddRange(invalid.Problems);
        if (problems.Count > 0)
            return new Invalid(problems);

        await db.StageAsync(rules, removed, work.Cancellation).ConfigureAwait(false);
        var now = work.Clock.GetCurrentInstant();
        var row = stored?.Row ?? db.MatrixVersions.Add(new MatrixVersionRow { Matrix = name }).Entity;
        (row.Rules, row.ChangedAt, row.ChangedBy) = (changed.Rules.Count, now, work.User);
        if (stored is not null)
        {
            work.Expect(row, version);
            db.Entry(row).Property(r => r.ChangedAt).IsModified = true; // a save is a new version even when nothing else moved
        }
        db.MatrixChanges.Add(MatrixChangeRow.Of(name, version + 1, now, work.User, rules.Select(r => r.Id), removed));
        var added = changed.Rules.Count - current.Rules.Count + removed.Count;
        var saved = await work.SaveAsync(new MatrixSaved(name, version + 1, changed.Rules.Count, added, rules.Count - added, removed.Count))
            .ConfigureAwait(false);
        if (!saved.Succeeded)
            return saved.TryPickT2(out _, out _) ? Stale(name) : saved; // two first saves of one matrix: the second is stale
        await transaction.CommitAsync(work.Cancellation).ConfigureAwait(false);
        matrices.Saved(work.Tenant, version, version + 1, changed);
        return saved;
    }

    private static Conflict Stale(string matrix) => new([$"matrix {matrix}"]);
}

/// <summary>A change to one matrix.</summary>
/// <typeparam name="TPayload">The matrix's payload.</typeparam>
/// <param name="Version">The version the change is based on (<see cref="MatrixSummary.Version"/>; 0 for a matrix never saved).</param>
/// <param name="Rules">Rules replacing the stored ones of their ids, or added.</param>
/// <param name="Removed">Ids of stored rules to drop.</param>
public sealed record MatrixChange<TPayload>(long Version, IReadOnlyList<MatrixRule<TPayload>> Rules, IReadOnlyList<string> Removed)
    where TPayload : IMatrixPayload<TPayload>
{
    /// <summary>Rules added or replaced, none removed.</summary>
    public MatrixChange(long version, params IReadOnlyList<MatrixRule<TPayload>> rules) : this(version, rules, []) { }
}

/// <summary>A matrix was saved.</summary>
/// <param name="Matrix">Its name.</param>
/// <param name="Version">Its new version.</param>
/// <param name="Rules">How many rules it holds now.</param>
/// <param name="Added">Rules added.</param>
/// <param name="Replaced">Rules replaced.</param>
/// <param name="Removed">Rules removed.</param>
public sealed record MatrixSaved(string Matrix, long Version, int Rules, int Added, int Replaced, int Removed);

/// <summary>A matrix as a whole.</summary>
/// <param name="Matrix">Its name.</param>
/// <param name="Version">Its version (0: never saved); a change is based on it.</param>
/// <param name="Rules">How many rules it holds.</param>
/// <param name="ChangedAt">When it was last saved.</param>
/// <param name="ChangedBy">Who saved it last.</param>
public sealed record MatrixSummary(string Matrix, long Version, int Rules, Instant? ChangedAt, UserId? ChangedBy);

/// <summary>A page of a matrix's rules.</summary>
/// <typeparam name="TPayload">The matrix's payload.</typeparam>
/// <param name="Summary">The matrix.</param>
/// <param name="Rules">The page's rules, by id.</param>
public sealed record MatrixRules<TPayload>(MatrixSummary Summary, IReadOnlyList<MatrixRule<TPayload>> Rules);

/// <summary>A page of a matrix's rules, untyped.</summary>
/// <param name="Summary">The matrix.</param>
/// <param name="Rules">The page's rules, by id.</param>
public sealed record MatrixPage(MatrixSummary Summary, IReadOnlyList<MatrixRuleView> Rules);

/// <summary>A rule of a matrix known by name.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Key">Its dimensions, NCM prefix, validity and quantity range.</param>
/// <param name="Payload">What it resolves to (the matrix's payload record).</param>
public sealed record MatrixRuleView(string Id, MatrixKey Key, object Payload);

/// <summary>One save of a matrix.</summary>
/// <param name="Version">The version it gave the matrix.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="ChangedCount">How many rules it added or replaced.</param>
/// <param name="RemovedCount">How many rules it removed.</param>
/// <param name="Changed">The first <see cref="MatrixModule.HistoryIds"/> ids of the rules added or replaced.</param>
/// <param name="Removed">The first <see cref="MatrixModule.HistoryIds"/> ids of the rules removed.</param>
public sealed record MatrixHistoryEntry(long Version, Instant At, UserId By, int ChangedCount, int RemovedCount, IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed);
