using Crm.Domain.Access;
using Crm.Domain.Identity;

namespace Crm.Sdk.Tenants;

/// <summary>A user arrived from the platform.</summary>
/// <param name="Id">The user.</param>
/// <param name="Status">Active at once on Freemium, inactive until CRM support activates it on paid packages.</param>
public sealed record UserAdded(UserId Id, UserStatus Status);

/// <summary>A user was changed (activated, roles, manager, company/branch pairs).</summary>
/// <param name="Id">The user.</param>
/// <param name="Version">Its stored version now.</param>
public sealed record UserChanged(UserId Id, long Version);

/// <summary>A company was registered, or a branch added to it.</summary>
/// <param name="Company">The company.</param>
/// <param name="Branch">The branch added, if any.</param>
public sealed record CompanySaved(CompanyId Company, BranchId? Branch);

/// <summary>A company or branch was deleted.</summary>
/// <param name="Company">The company.</param>
/// <param name="Branch">The branch deleted, or null when the whole company was.</param>
public sealed record CompanyDeleted(CompanyId Company, BranchId? Branch);

/// <summary>A role was defined or changed.</summary>
/// <param name="Id">The role.</param>
/// <param name="Version">Its stored version now.</param>
public sealed record RoleSaved(RoleId Id, long Version);
