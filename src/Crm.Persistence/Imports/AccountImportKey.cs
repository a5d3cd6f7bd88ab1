using Crm.Domain.Identity;
using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Imports;

/// <summary>
/// The import key of an account: its code in a source system (<see cref="Origin"/>, upper-cased) and the account it was
/// imported into, keyed (tenant, origin, external code), so importing the same key again finds the account instead of
/// creating another.
/// </summary>
public sealed class AccountImportKey
{
    /// <summary>The longest origin or external code stored.</summary>
    public const int MaxLength = TextLimits.MasterDataCode * 2;

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The source system, upper-cased.</summary>
    public string Origin { get; init; } = "";

    /// <summary>The customer's code in the source system.</summary>
    public string ExternalCode { get; init; } = "";

    /// <summary>The account the key was imported into.</summary>
    public AccountId Account { get; init; }
}

internal sealed class AccountImportKeyConfiguration(CrmDbContext context) : IEntityTypeConfiguration<AccountImportKey>
{
    public void Configure(EntityTypeBuilder<AccountImportKey> builder)
    {
        builder.IsTenantRows("AccountImportKeys", k => k.Tenant, k => new { k.Origin, k.ExternalCode }, context);
        builder.Property(k => k.Origin).HasMaxLength(AccountImportKey.MaxLength);
        builder.Property(k => k.ExternalCode).HasMaxLength(AccountImportKey.MaxLength);
        builder.HasTenantIndex(nameof(AccountImportKey.Account));
    }
}
