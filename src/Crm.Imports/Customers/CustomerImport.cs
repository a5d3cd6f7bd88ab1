using Crm.Domain.Problems;
using Crm.Imports.Reading;
using Crm.Imports.Writing;
using OneOf;

namespace Crm.Imports.Customers;

/// <summary>How a sheet import runs (customers, leads, contacts: <see cref="SheetImport"/>).</summary>
public sealed record CustomerImportOptions
{
    /// <summary>Validate every row (sheet and domain rules) without writing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Rows per unit of work (default 500).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Told after each batch how far the import has come.</summary>
    public IProgress<CustomerImportProgress>? Progress { get; init; }
}

/// <summary>How far an import has come: rows read, accepted and refused so far.</summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Valid">Rows accepted (by the sheet and the domain).</param>
/// <param name="Invalid">Rows refused.</param>
public sealed record CustomerImportProgress(int Read, int Valid, int Invalid);

/// <summary>The result of a sheet import (customers, leads, contacts).</summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Valid">Rows accepted by the sheet's and the domain's rules.</param>
/// <param name="Invalid">Rows refused, each with its problems in <paramref name="Problems"/>.</param>
/// <param name="Created">Records (accounts, leads, contacts) created (in a dry run: that would be).</param>
/// <param name="Updated">Records updated.</param>
/// <param name="Unchanged">Rows whose record already held their data.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Failure">Why the file stopped being read early (damaged, too large); the rows before it were imported.</param>
/// <param name="Problems">Every problem, by row: the header's (row 1), the cells', and the domain's (mapped to their column).</param>
public sealed record CustomerImportSummary(int Read, int Valid, int Invalid, int Created, int Updated, int Unchanged, bool DryRun,
    FileProblem? Failure, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Runs a customer import from a sheet into an <see cref="ICustomerImportTarget"/> through <see cref="SheetImport"/>: each row
/// mapped by <see cref="CustomerSheet"/>, the well-formed ones sent in batches (one unit of work each), progress after each
/// batch, and the refused rows written back as the error sheet. A rerun after a crash resumes: rows already saved come back
/// <see cref="CustomerOutcomeKind.Unchanged"/>, as the key (external code + origin) finds their account.
/// </summary>
/// <remarks>Memory holds one batch and the refused rows (for the error sheet), not the file.</remarks>
public static class CustomerImport
{
    /// <summary>
    /// Imports <paramref name="sheet"/> into <paramref name="target"/>; when <paramref name="errorSheet"/> is given and some row
    /// was refused, writes the refused rows there in <paramref name="errorFormat"/> with an <see cref="ErrorSheet.ErrorColumn"/> column.
    /// An exception of the target (the database is gone) propagates: that batch was not saved, the earlier ones were.
    /// </summary>
    public static Task<CustomerImportSummary> RunAsync(Sheet sheet, ICustomerImportTarget target, CustomerImportOptions? options = null,
        Stream? errorSheet = null, ImportFormat errorFormat = ImportFormat.Xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return SheetImport.RunAsync(sheet, CustomerSheet.For(sheet.Headers).Match(OneOf<IRowMapper<CustomerRow>, IReadOnlyList<ImportProblem>>.FromT0, OneOf<IRowMapper<CustomerRow>, IReadOnlyList<ImportProblem>>.FromT1),
            target, CustomerColumns.ColumnOf, options, errorSheet, errorFormat, cancellationToken);
    }
}
