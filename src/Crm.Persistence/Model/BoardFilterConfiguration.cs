using Crm.Domain.Boards.Filters;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

/// <summary>
/// One user's filters on one board, keyed (tenant, user, board): the filter in use and the saved ones as JSON documents
/// (marked as JSON documents: jsonb on PostgreSQL). They are read by key only, never searched inside.
/// </summary>
internal sealed class BoardFilterConfiguration(CrmDbContext context) : IEntityTypeConfiguration<BoardFilterPreferences>
{
    public void Configure(EntityTypeBuilder<BoardFilterPreferences> builder)
    {
        builder.IsBoardOwnedAggregate("BoardFilters", p => new { p.User, p.Board }, context);
        builder.Property(p => p.Current).HasColumnName("CurrentFilter").HasConversion<CardFilterConverter>()
            .HasAnnotation(AggregateMapping.JsonDocument, true);
        builder.Property<Dictionary<string, CardFilter>>("_saved").HasColumnName("SavedFilters")
            .HasConversion(new SavedFiltersConverter(), SavedFiltersConverter.Comparer).HasAnnotation(AggregateMapping.JsonDocument, true);
        builder.Ignore(p => p.Saved);
    }
}
