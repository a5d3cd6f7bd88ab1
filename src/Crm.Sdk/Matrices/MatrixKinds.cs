using Crm.Domain.Matrices;
using Crm.Imports.Matrices;
using Crm.Persistence;
using Crm.Persistence.Matrices;

namespace Crm.Sdk.Matrices;

/// <summary>
/// A matrix kind whatever its payload: what the engine does with a matrix it knows only by name (load it into memory,
/// list its rules, import its sheet), each done by <see cref="MatrixKind{TPayload}"/> with the payload's type.
/// </summary>
internal abstract class MatrixKind
{
    /// <summary>The matrix's name, as the domain names it (<c>icms</c>, <c>freight</c>…).</summary>
    public abstract string Name { get; }

    /// <summary>The matrix's sheet (Crm.Imports).</summary>
    public abstract IMatrixSheet Sheet { get; }

    /// <summary>
    /// The stored matrix: <paramref name="cached"/> (held at <paramref name="cachedVersion"/>) changed by the saves after it
    /// when their history is complete, each changed rule read again; otherwise every stored rule, built.
    /// </summary>
    public abstract Task<object> LoadAsync(CrmDbContext db, object? cached, long cachedVersion, CancellationToken cancellationToken);

    // The touched ids go to the database as one parameter each: kept far below SQLite's 32,766 variables (and PostgreSQL's
    // 65,535); past this many a full load costs about the same anyway.
    public const int MaxIncrementalRules = 5_000;

    /// <summary>A page of the stored rules, by id, as untyped views.</summary>
    public abstract Task<IReadOnlyList<MatrixRuleView>> PageAsync(CrmDbContext db, int skip, int take, CancellationToken cancellationToken);

    /// <summary>A page of the stored rules, by id, as the sheet's rows (an export).</summary>
    public abstract Task<IReadOnlyList<IReadOnlyList<string?>>> RowsAsync(CrmDbContext db, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Imports the rows of a sheet as the whole matrix (<see cref="Imports.ImportsModule.MatrixAsync"/>).</summary>
    public abstract Task<CrmResult<Imports.MatrixImport>> ImportAsync(Engine.UnitOfWork work, Imports.MatrixImportFile file);
}

/// <summary>The matrix of <typeparamref name="TPayload"/>.</summary>
internal sealed class MatrixKind<TPayload>(MatrixSheet<TPayload> sheet) : MatrixKind where TPayload : IMatrixPayload<TPayload>
{
    public override string Name => TPayload.MatrixName;

    public override IMatrixSheet Sheet => sheet;

    public MatrixSheet<TPayload> TypedSheet => sheet;

    public override async Task<object> LoadAsync(CrmDbContext db, object? cached, long cachedVersion, CancellationToken cancellationToken)
    {
        if (cached is Matrix<TPayload> matrix && await ChangedAsync(db, matrix, cachedVersion, cancellationToken).ConfigureAwait(false) is { } changed)
            return changed;
        var rules = await db.RulesAsync<TPayload>(null, cancellationToken).ConfigureAwait(false);
        // Every stored rule was checked by the save that wrote it: a matrix that no longer builds is a damaged database.
        return Matrix<TPayload>.Build(rules).Match(
            built => built,
            invalid => throw new InvalidOperationException($"The stored matrix {Name} does not build: {string.Join("; ", invalid.Problems)}"));
    }

    /// <summary>
    /// <paramref name="matrix"/> with the saves after <paramref name="version"/> applied through <see cref="Matrix{TPayload}.With"/>:
    /// each rule they touched read as stored now (present: added or replaced; absent: removed). Null when the history has a
    /// gap, the change does not apply (a rule added and removed since) or the saves touched more than
    /// <see cref="MatrixKind.MaxIncrementalRules"/> rules, for a full load.
    /// </summary>
    private static async Task<Matrix<TPayload>?> ChangedAsync(CrmDbContext db, Matrix<TPayload> matrix, long version, CancellationToken cancellationToken)
    {
        var saves = await db.ChangesAsync(TPayload.MatrixName, version, cancellationToken).ConfigureAwait(false);
        if (saves.Count == 0 || saves.Where((s, i) => s.MatrixVersion != version + 1 + i).Any())
            return null;
        var touched = saves.SelectMany(s => s.ChangedIds.Concat(s.RemovedIds)).ToHashSet(StringComparer.Ordinal);
        if (touched.Count > MaxIncrementalRules)
            return null;
        var rules = await db.RulesAsync<TPayload>(touched, cancellationToken).ConfigureAwait(false);
        touched.ExceptWith(rules.Select(r => r.Id));
        return matrix.With(rules, touched).TryPickT0(out var changed, out _) ? changed : null;
    }

    public override async Task<IReadOnlyList<MatrixRuleView>> PageAsync(CrmDbContext db, int skip, int take, CancellationToken cancellationToken) =>
        [.. (await db.RulePageAsync<TPayload>(skip, take, cancellationToken).ConfigureAwait(false)).Select(r => new MatrixRuleView(r.Id, r.Key, r.Payload))];

    public override async Task<IReadOnlyList<IReadOnlyList<string?>>> RowsAsync(CrmDbContext db, int skip, int take, CancellationToken cancellationToken) =>
        [.. (await db.RulePageAsync<TPayload>(skip, take, cancellationToken).ConfigureAwait(false)).Select(sheet.Cells)];

    public override Task<CrmResult<Imports.MatrixImport>> ImportAsync(Engine.UnitOfWork work, Imports.MatrixImportFile file) =>
        Imports.MatrixImport<TPayload>.RunAsync(work, sheet, file);
}

/// <summary>The tax and commercial matrices the engine stores, one kind each.</summary>
internal static class MatrixKinds
{
    /// <summary>Every kind, tax matrices first (the order of <see cref="MatrixSheets.All"/>).</summary>
    public static IReadOnlyList<MatrixKind> All { get; } =
    [
        new MatrixKind<Domain.Matrices.Tax.IcmsRule>(MatrixSheets.Icms), new MatrixKind<Domain.Matrices.Tax.IcmsStRule>(MatrixSheets.IcmsSt),
        new MatrixKind<Domain.Matrices.Tax.IpiRule>(MatrixSheets.Ipi), new MatrixKind<Domain.Matrices.Tax.DifalRule>(MatrixSheets.Difal),
        new MatrixKind<Domain.Matrices.Tax.PisCofinsRule>(MatrixSheets.PisCofins), new MatrixKind<Domain.Matrices.Tax.CbsIbsRule>(MatrixSheets.CbsIbs),
        new MatrixKind<Domain.Matrices.Tax.PisCofinsRepasseRule>(MatrixSheets.PisCofinsRepasse),
        new MatrixKind<Domain.Matrices.Commercial.ApprovalRule>(MatrixSheets.Approval), new MatrixKind<Domain.Matrices.Commercial.CommissionRule>(MatrixSheets.Commission),
        new MatrixKind<Domain.Matrices.Commercial.CustomerPaymentConditionRule>(MatrixSheets.PaymentCondition),
        new MatrixKind<Domain.Matrices.Commercial.DiscountSurchargeRule>(MatrixSheets.DiscountSurcharge),
        new MatrixKind<Domain.Matrices.Commercial.FreightRule>(MatrixSheets.Freight), new MatrixKind<Domain.Matrices.Commercial.MinimumValueRule>(MatrixSheets.MinimumValue),
        new MatrixKind<Domain.Matrices.Commercial.NegotiationRule>(MatrixSheets.Negotiation),
        new MatrixKind<Domain.Matrices.Commercial.UnitConversionRule>(MatrixSheets.UnitConversion),
    ];

    /// <summary>The kind named <paramref name="name"/> (ignoring case), or null.</summary>
    public static MatrixKind? Named(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
