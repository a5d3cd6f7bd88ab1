namespace Crm.Domain.Identity;

// TEMPORARY: stand-ins for ids the accounts branch will provide; removed when it is merged.

/// <summary>Identifies a tenant.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct TenantId(Guid Value);

/// <summary>Identifies a CRM user.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct UserId(Guid Value);

/// <summary>Identifies an account.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct AccountId(Guid Value);

/// <summary>Identifies a lead (an ISP prospect).</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct LeadId(Guid Value);

/// <summary>Identifies an account type.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct AccountTypeId(Guid Value);
