using Crm.Domain.Boards.BaseCards;
using Crm.Domain.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class BaseCardConfiguration(CrmDbContext context) : IEntityTypeConfiguration<BaseCard>
{
    public void Configure(EntityTypeBuilder<BaseCard> builder)
    {
        builder.IsBoardOwnedAggregate("BaseCards", b => b.Id, context);
        builder.Property(b => b.Name).HasMaxLength(TextLimits.CardName);
        CardContentMapping.Map(builder);
        builder.HasTenantIndex(nameof(BaseCard.Board));
    }
}
