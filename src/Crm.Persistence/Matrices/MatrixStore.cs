using Crm.Domain.Matrices;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Matrices;

/// <summary>Reads and writes a tenant's matrices by rule: a save touches the rules it changes, never the whole matrix.</summary>
public static class MatrixStore
{
    /// <summary>The version of each stored matrix of the tenant (one small row per matrix: cheap to read before every order).</summary>
    public static Task<Dictionary<string, long>> VersionsAsync(this CrmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.MatrixVersions.AsNoTracking()
            .Select(v => new { v.Matrix, Version = EF.Property<long>(v, AggregateMapping.Version) })
            .ToDictionaryAsync(v => v.Matrix, v => v.Version, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// The stored matrices (<paramref name="matrix"/> only, when given) with their versions (a version is a shadow column: an
    /// untracked row does not carry it).
    /// </summary>
    public static Task<List<StoredMatrixVersion>> StoredVersionsAsync(this CrmDbContext db, string? matrix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.MatrixVersions.AsNoTracking();
        if (matrix is not null)
            rows = rows.Where(v => v.Matrix == matrix);
        return rows.Select(v => new StoredMatrixVersion(v.Matrix, EF.Property<long>(v, AggregateMapping.Version), v.Rules, v.ChangedAt, v.ChangedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The version row of <paramref name="matrix"/>, tracked, with its stored version; null when it was never saved.</summary>
    public static async Task<(MatrixVersionRow Row, long Version)?> VersionRowAsync(this CrmDbContext db, string matrix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.MatrixVersions.SingleOrDefaultAsync(v => v.Matrix == matrix, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row, (long)db.Entry(row).Property(AggregateMapping.Version).CurrentValue!);
    }

    /// <summary>The stored rules of the matrix of <typeparamref name="TPayload"/>: those of <paramref name="ids"/> (null: every rule).</summary>
    public static async Task<List<MatrixRule<TPayload>>> RulesAsync<TPayload>(this CrmDbContext db, IReadOnlyCollection<string>? ids,
        CancellationToken cancellationToken)
        where TPayload : IMatrixPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = TPayload.MatrixName;
        var rows = db.MatrixRules.AsNoTracking().Where(r => r.Matrix == name);
        if (ids is not null)
            rows = rows.Where(r => ids.Contains(r.RuleId));
        return [.. (await rows.ToListAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.ToRule<TPayload>())];
    }

    /// <summary>A page of the stored rules of the matrix of <typeparamref name="TPayload"/>, by id (in the database's collation).</summary>
    public static async Task<List<MatrixRule<TPayload>>> RulePageAsync<TPayload>(this CrmDbContext db, int skip, int take,
        CancellationToken cancellationToken)
        where TPayload : IMatrixPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = TPayload.MatrixName;
        var rows = await db.MatrixRules.AsNoTracking().Where(r => r.Matrix == name).OrderBy(r => r.RuleId).Skip(skip).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRule<TPayload>())];
    }

    /// <summary>The saves of <paramref name="matrix"/> after version <paramref name="after"/>, oldest first.</summary>
    public static Task<List<MatrixChangeRow>> ChangesAsync(this CrmDbContext db, string matrix, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.MatrixChanges.AsNoTracking().Where(c => c.Matrix == matrix && c.MatrixVersion > after).OrderBy(c => c.MatrixVersion)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Stages a change of the matrix of <typeparamref name="TPayload"/>: the rows of the <paramref name="removed"/> ids and
    /// of the <paramref name="rules"/>' ids are deleted now (run it inside the unit of work's transaction), the rules' rows
    /// added for the next save.
    /// </summary>
    public static async Task StageAsync<TPayload>(this CrmDbContext db, IReadOnlyList<MatrixRule<TPayload>> rules, IReadOnlyList<string> removed,
        CancellationToken cancellationToken)
        where TPayload : IMatrixPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var (name, gone) = (TPayload.MatrixName, rules.Select(r => r.Id).Concat(removed).ToList());
        // In slices: a parameter list has a limit (SQLite's variables, PostgreSQL's message size) and an import replaces 10⁵ rules.
        foreach (var slice in gone.Chunk(10_000))
            await db.MatrixRules.Where(r => r.Matrix == name && slice.Contains(r.RuleId))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.MatrixRules.AddRange(rules.Select(MatrixRuleRow.From));
    }
}

/// <summary>A stored matrix as a whole.</summary>
/// <param name="Matrix">Its name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Rules">How many rules it holds.</param>
/// <param name="ChangedAt">When it was last saved.</param>
/// <param name="ChangedBy">Who saved it last.</param>
public sealed record StoredMatrixVersion(string Matrix, long Version, int Rules, NodaTime.Instant ChangedAt, Crm.Domain.Identity.UserId ChangedBy);
