using Crm.Domain.Access;
using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Imports;
using Crm.Imports.Matrices;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using Crm.Sdk.Engine;
using Crm.Sdk.Matrices;

namespace Crm.Sdk.Imports;

/// <summary>A matrix sheet to import.</summary>
/// <param name="File">The file.</param>
/// <param name="Format">Its format.</param>
/// <param name="DryRun">Check and count only; nothing is written.</param>
/// <param name="ErrorSheet">Where the refused rows go (same format, with an error column), when some row is refused.</param>
public sealed record MatrixImportFile(Stream File, ImportFormat Format, bool DryRun = false, Stream? ErrorSheet = null);

/// <summary>
/// A matrix import: the rows read; when the sheet builds, the rules it adds, replaces (changed ones only), leaves as they were
/// and removes (stored rules absent from the sheet) and the matrix's new version (null on a dry run or when nothing
/// changed); otherwise every problem by row and column and nothing written.
/// </summary>
/// <param name="Matrix">The matrix's name.</param>
/// <param name="Read">Data rows read.</param>
/// <param name="DryRun">Whether nothing was to be written.</param>
/// <param name="Added">Rules added.</param>
/// <param name="Replaced">Stored rules the sheet changes.</param>
/// <param name="Unchanged">Stored rules the sheet holds as they are.</param>
/// <param name="Removed">Stored rules the sheet does not hold.</param>
/// <param name="Version">The matrix's version after the import; null when nothing was written.</param>
/// <param name="Failure">Why the file could not be read to its end, if so (nothing written).</param>
/// <param name="Problems">Every problem of the sheet by row and column (nothing written).</param>
public sealed record MatrixImport(string Matrix, int Read, bool DryRun, int Added, int Replaced, int Unchanged, int Removed, long? Version,
    FileProblem? Failure, IReadOnlyList<ImportProblem> Problems);

/// <summary>A matrix sheet imported as the whole matrix of <typeparamref name="TPayload"/>.</summary>
internal static class MatrixImport<TPayload> where TPayload : IMatrixPayload<TPayload>
{
    public static async Task<CrmResult<MatrixImport>> RunAsync(UnitOfWork work, MatrixSheet<TPayload> sheet, MatrixImportFile file)
    {
        // The matrix itself: a dry run reads it (View), an import changes it (Include and Edit; Delete when it removes rules).
        if (work.Access.Check(Module.Pricing, Permission.Access | (file.DryRun ? Permission.View : Permission.Include | Permission.Edit)) is { } denied)
            return denied;
        if (ImportFile.Open(file.File, file.Format).TryPickT1(out var refused, out var opened))
            return new Invalid([new Problem("file", refused.Code, refused.Message)]);
        using var read = opened;
        var rows = read.ReadRows().ToList();
        var name = TPayload.MatrixName;
        if (read.Failure is { } failure)
            return new MatrixImport(name, rows.Count, file.DryRun, 0, 0, 0, 0, null, failure, []);
        if (sheet.Import(read.Headers, rows).TryPickT1(out var problems, out var imported))
        {
            if (file.ErrorSheet is not null)
            {
                var refusedRows = problems.Select(p => p.Row).ToHashSet();
                ErrorSheet.Write(file.ErrorSheet, file.Format, read.Headers, rows.Where(r => refusedRows.Contains(r.Number)), problems);
            }
            return new MatrixImport(name, rows.Count, file.DryRun, 0, 0, 0, 0, null, null, problems);
        }

        var (current, version) = await work.Engine.StoredMatrices.MatrixAsync<TPayload>(work.Db, work.Tenant, work.Cancellation).ConfigureAwait(false);
        var stored = current.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var changed = imported.Rules.Where(r => !stored.TryGetValue(r.Id, out var same) || same != r).ToList();
        var added = changed.Count(r => !stored.ContainsKey(r.Id));
        var sheetIds = imported.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var removed = stored.Keys.Where(id => !sheetIds.Contains(id)).ToList();
        var summary = new MatrixImport(name, rows.Count, file.DryRun, added, changed.Count - added, imported.Rules.Count - changed.Count, removed.Count,
            null, null, []);
        if (file.DryRun || (changed.Count == 0 && removed.Count == 0))
            return summary;
        var saved = await MatrixSaves.SaveAsync(work, version, changed, removed).ConfigureAwait(false);
        return saved.TryPickT0(out var done, out _) ? summary with { Version = done.Version } : saved.Failure<MatrixImport>();
    }
}
