using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Orders;

internal sealed class SalesOrderConfiguration(CrmDbContext context) : IEntityTypeConfiguration<SalesOrderRow>
{
    public void Configure(EntityTypeBuilder<SalesOrderRow> builder)
    {
        builder.IsAggregate("SalesOrders", o => o.Tenant, o => o.Id, context);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var document in new[] { nameof(SalesOrderRow.Header), nameof(SalesOrderRow.Items), nameof(SalesOrderRow.Approvals),
            nameof(SalesOrderRow.History), nameof(SalesOrderRow.Totals), nameof(SalesOrderRow.BlockReasons) })
            builder.Property(document).HasAnnotation(AggregateMapping.JsonDocument, true);
        // Release by customer reads a customer's open orders (and cross-selling whether one came before a day); lists go
        // by issue date, and the indicators read a period's revenue, sellers and customers from that index alone;
        // visibility by seller, and by company (the indicators walk which companies the orders name).
        builder.HasTenantIndex(nameof(SalesOrderRow.Customer), nameof(SalesOrderRow.Status), nameof(SalesOrderRow.IssueDate));
        builder.HasTenantIndex(nameof(SalesOrderRow.IssueDate), nameof(SalesOrderRow.Status), nameof(SalesOrderRow.Customer),
            nameof(SalesOrderRow.Seller), nameof(SalesOrderRow.Company), nameof(SalesOrderRow.Branch), nameof(SalesOrderRow.Total));
        builder.HasTenantIndex(nameof(SalesOrderRow.Seller));
        builder.HasTenantIndex(nameof(SalesOrderRow.Company), nameof(SalesOrderRow.Branch), nameof(SalesOrderRow.Seller));
    }
}
