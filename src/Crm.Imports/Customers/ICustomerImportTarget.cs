using Crm.Domain.Problems;

namespace Crm.Imports.Customers;

/// <summary>
/// Where a customer import writes: the tenant's accounts, under the importing user's session (<see cref="IImportTarget{TRow}"/>
/// of customer rows: a row's account is found by <see cref="CustomerRow.Key"/>, a new key creates one).
/// </summary>
public interface ICustomerImportTarget : IImportTarget<CustomerRow>;

/// <summary>What happened (or, in a dry run, would happen) to one imported row (customer, lead, contact).</summary>
public enum CustomerOutcomeKind
{
    /// <summary>A new record (for a customer: a new key).</summary>
    Created,
    /// <summary>The row's record changed.</summary>
    Updated,
    /// <summary>The row's record already held this data (importing the same file twice changes nothing).</summary>
    Unchanged,
    /// <summary>The row broke a registration rule, a duplicate check or a permission; nothing of it was written.</summary>
    Rejected,
}

/// <summary>The outcome of one row.</summary>
/// <param name="Kind">Created, updated, unchanged or rejected.</param>
/// <param name="Problems">Why it was rejected (domain problems: field, code, message); warnings for the others.</param>
public sealed record CustomerOutcome(CustomerOutcomeKind Kind, IReadOnlyList<Problem> Problems);
