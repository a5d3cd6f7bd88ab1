using Crm.Domain.Problems;

namespace Crm.Imports.Customers;

/// <summary>
/// Where a customer import writes: the tenant's accounts, under the importing user's session. The engine implements it; the
/// import runner (<see cref="CustomerImport"/>) only reads the file, batches the rows and reports.
/// </summary>
public interface ICustomerImportTarget
{
    /// <summary>
    /// Judges each row of <paramref name="batch"/> as a typed form is judged (registration rules, duplicate checks,
    /// permissions), finds the account by <see cref="CustomerRow.Key"/> and — unless <paramref name="dryRun"/> — creates the
    /// accounts whose key is new and updates the others, every accepted row of the batch in one unit of work (a failure saves
    /// none of them). A dry run writes nothing and reports what would happen.
    /// </summary>
    /// <returns>One outcome per row of <paramref name="batch"/>, in its order.</returns>
    Task<IReadOnlyList<CustomerOutcome>> SaveAsync(IReadOnlyList<CustomerRow> batch, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>What happened (or, in a dry run, would happen) to one customer row.</summary>
public enum CustomerOutcomeKind
{
    /// <summary>A new account for a new key.</summary>
    Created,
    /// <summary>The key's account changed.</summary>
    Updated,
    /// <summary>The key's account already held this data (importing the same file twice changes nothing).</summary>
    Unchanged,
    /// <summary>The row broke a registration rule, a duplicate check or a permission; nothing of it was written.</summary>
    Rejected,
}

/// <summary>The outcome of one row.</summary>
/// <param name="Kind">Created, updated, unchanged or rejected.</param>
/// <param name="Problems">Why it was rejected (domain problems: field, code, message); warnings for the others.</param>
public sealed record CustomerOutcome(CustomerOutcomeKind Kind, IReadOnlyList<Problem> Problems);
