using Crm.Domain.Identity;
using Crm.Domain.Texts;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Imports;

/// <summary>
/// The price table a customer buys from at one billing location and warehouse (seed 003: "tabela de venda, vinculada ao
/// local de faturamento e armazém"), keyed (tenant, account, billing location, warehouse).
/// </summary>
public sealed class AccountSalesTable
{
    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; init; }

    /// <summary>The customer account.</summary>
    public AccountId Account { get; init; }

    /// <summary>The billing location's code.</summary>
    public string BillingLocation { get; init; } = "";

    /// <summary>The warehouse's code.</summary>
    public string Warehouse { get; init; } = "";

    /// <summary>The price table's code.</summary>
    public string PriceTable { get; set; } = "";
}

internal sealed class AccountSalesTableConfiguration(CrmDbContext context) : IEntityTypeConfiguration<AccountSalesTable>
{
    public void Configure(EntityTypeBuilder<AccountSalesTable> builder)
    {
        builder.IsTenantRows("AccountSalesTables", s => s.Tenant, s => new { s.Account, s.BillingLocation, s.Warehouse }, context);
        builder.Property(s => s.BillingLocation).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(s => s.Warehouse).HasMaxLength(TextLimits.MasterDataCode);
        builder.Property(s => s.PriceTable).HasMaxLength(TextLimits.MasterDataCode);
        builder.HasTenantIndex(nameof(AccountSalesTable.PriceTable));
    }
}
