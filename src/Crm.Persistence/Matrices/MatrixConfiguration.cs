using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Matrices;

// The matrices' tables: rules replaced by (matrix, id), a version row per matrix (its concurrency token) and the history
// of saves, every key led by the tenant (a shadow column filled from the session).

internal sealed class MatrixRuleConfiguration(CrmDbContext context) : IEntityTypeConfiguration<MatrixRuleRow>
{
    public void Configure(EntityTypeBuilder<MatrixRuleRow> builder)
    {
        builder.IsCatalogRows("MatrixRules", r => new { r.Matrix, r.RuleId }, context);
        builder.Property(r => r.Matrix).HasMaxLength(MatrixVersionConfiguration.NameLength);
        builder.Property(r => r.RuleId).HasMaxLength(MatrixRuleRow.IdLength);
        builder.Property(r => r.Key).HasAnnotation(AggregateMapping.JsonDocument, true);
        builder.Property(r => r.Payload).HasAnnotation(AggregateMapping.JsonDocument, true);
    }
}

internal sealed class MatrixVersionConfiguration(CrmDbContext context) : IEntityTypeConfiguration<MatrixVersionRow>
{
    public const int NameLength = 40;

    public void Configure(EntityTypeBuilder<MatrixVersionRow> builder)
    {
        builder.IsBoardOwnedAggregate("MatrixVersions", v => v.Matrix, context);
        builder.Property(v => v.Matrix).HasMaxLength(NameLength);
    }
}

internal sealed class MatrixChangeConfiguration(CrmDbContext context) : IEntityTypeConfiguration<MatrixChangeRow>
{
    public void Configure(EntityTypeBuilder<MatrixChangeRow> builder)
    {
        builder.IsCatalogRows("MatrixChanges", c => new { c.Matrix, c.MatrixVersion }, context);
        builder.Property(c => c.Matrix).HasMaxLength(MatrixVersionConfiguration.NameLength);
        builder.Property(c => c.Changed).HasAnnotation(AggregateMapping.JsonDocument, true);
        builder.Property(c => c.Removed).HasAnnotation(AggregateMapping.JsonDocument, true);
    }
}
