using Crm.Domain.Accounts.History;
using Crm.Domain.Boards;
using Crm.Domain.Identity;
using Crm.Domain.Texts;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class BoardConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.IsAggregate("Boards", b => b.Tenant, b => b.Id, context);
        builder.Property(b => b.CreatedAt);
        builder.Property(b => b.Name).HasMaxLength(TextLimits.BoardName);
        builder.ComplexProperty(b => b.Scope, scope =>
        {
            scope.Property(s => s.Kind).HasColumnName("ScopeKind");
            scope.Property(s => s.Name).HasColumnName("ScopeName").HasMaxLength(TextLimits.BoardScopeName);
        });
        builder.Property(b => b.Colour);
        builder.Property(b => b.DefaultBaseCard);
        builder.ComplexCollection<List<BoardStage>, BoardStage>("_stages", stage => stage.ToJson("Stages"));
        builder.ComplexCollection<List<Tag>, Tag>("_tags", tag => tag.ToJson("Tags"));
        builder.PrimitiveCollection<List<UserId>>("_users").HasColumnName("Users")
            .ElementType(e => e.HasConversion<IdConverter<UserId>>());
        builder.ComplexCollection<List<HistoryEntry>, HistoryEntry>("_history", entry =>
        {
            entry.ToJson("History");
            RegistrationMapping.MapEntry(entry);
        });
        builder.Ignore(b => b.Stages);
        builder.Ignore(b => b.Tags);
        builder.Ignore(b => b.Users);
        builder.Ignore(b => b.History);
    }
}
