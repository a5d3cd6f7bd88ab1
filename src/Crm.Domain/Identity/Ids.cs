namespace Crm.Domain.Identity;

// Strongly typed ids: a Guid that cannot be passed where another kind of id is expected.
// Get-only (no init): `with` must not rewrite an id. Callers create them (new AccountId(Guid.NewGuid()), or from storage); the domain
// mints only through IdMint (internal XId.New()): the parts of an aggregate, and — not yet following CONTRIBUTING — boards, cards,
// base cards, pipelines and opportunities, whose factories do not take an id.

/// <summary>Identifies a tenant (one customer company of the platform); every aggregate carries one.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct TenantId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a company (<i>Empresa</i>) inside a tenant.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct CompanyId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a branch (<i>Filial</i>) of a company.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct BranchId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a CRM user (who changed something, who owns an account).</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct UserId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies an account (customer).</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct AccountId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a lead (prospect).</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct LeadId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies a contact person of an account or lead.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct ContactId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
