using Crm.Domain.Access;
using Crm.Domain.Problems;
using Crm.Imports;
using Crm.Imports.Customers;
using Crm.Imports.Reading;

namespace Crm.Sdk.Imports;

/// <summary>
/// Spreadsheet imports (module <see cref="Module.Imports"/>) through a session. Only customers are wired: the file is read
/// by Crm.Imports' <see cref="CustomerImport"/> and each batch of rows is judged and saved as typed account forms are.
/// </summary>
public sealed class ImportsModule
{
    private readonly CrmSession _session;

    internal ImportsModule(CrmSession session) => _session = session;

    /// <summary>
    /// Imports customers from <paramref name="file"/> (permission Include of <see cref="Module.Imports"/>, checked before the
    /// file is read; each row also needs the account's Include or Edit and must stay in the user's scope). A row's key
    /// (external code + origin) finds the account it was imported into before: a new key registers an account, a known one
    /// updates it (unchanged data writes nothing). Each batch is one transaction; a dry run writes nothing. The refused rows
    /// go to <paramref name="errorSheet"/> (same format as the file) with an error column.
    /// </summary>
    /// <returns>The summary (counts and every problem by row and column); a file that cannot be opened is <see cref="Invalid"/>.</returns>
    public Task<CrmResult<CustomerImportSummary>> CustomersAsync(Stream file, ImportFormat format, CustomerImportOptions? options = null,
        Stream? errorSheet = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        // One use case around the batches (each its own use case and transaction): a denial or an unreadable file is logged
        // and counted like any other refusal.
        return _session.RunAsync<CustomerImportSummary>("imports.customers", Module.Imports, Permission.Include, async _ =>
        {
            if (ImportFile.Open(file, format).TryPickT1(out var refused, out var sheet))
                return new Invalid([new Problem("file", refused.Code, refused.Message)]);
            using (sheet)
                return await CustomerImport.RunAsync(sheet, new SessionCustomerTarget(_session), options, errorSheet, format, cancellationToken)
                    .ConfigureAwait(false);
        }, cancellationToken);
    }
}
