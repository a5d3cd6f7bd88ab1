using Crm.Domain.Accounts.History;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Content;
using Crm.Domain.Identity;
using Crm.Domain.Tasks;
using Crm.Domain.Texts;
using Crm.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Persistence.Model;

internal sealed class CardConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> builder)
    {
        builder.IsAggregate("Cards", c => c.Tenant, c => c.Id, context);
        builder.Property(c => c.Stage);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.CardName);
        builder.Property(c => c.Prospect);
        builder.Property(c => c.ProspectRegisteredAt);
        builder.Property(c => c.CreatedAt);
        builder.Property(c => c.Seller);
        builder.Property(c => c.ArchivedAt);
        builder.Property(c => c.LostAt);
        builder.Property(c => c.LostReason);
        builder.Property(c => c.ConvertedToCustomerAt);
        builder.Property(c => c.ConvertedToServiceAt);
        builder.Property(c => c.DeletedAt);
        CardContentMapping.Map(builder);
        TaskMapping.MapTasks(builder);
        builder.Property(c => c.HasTasks);
        builder.Ignore(c => c.Tasks);
        builder.Ignore(c => c.IsOpen);
        // A prospect has at most one card (seed 004): only cards not deleted hold their prospect.
        builder.HasTenantIndex(nameof(Card.Prospect)).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        builder.HasTenantIndex(nameof(Card.Board), nameof(Card.Stage));
    }
}

/// <summary>What cards and base cards share (<see cref="CardContent"/>): board, description, tags, members, comments, attachments, history.</summary>
internal static class CardContentMapping
{
    public static void Map<T>(EntityTypeBuilder<T> builder)
        where T : CardContent
    {
        builder.Property(c => c.Board);
        builder.Property(c => c.UpdatedAt);
        builder.Property(c => c.Description);
        builder.PrimitiveCollection(c => c.Tags).ElementType(e => e.HasConversion<IdConverter<TagId>>());
        builder.PrimitiveCollection(c => c.Members).ElementType(e => e.HasConversion<IdConverter<UserId>>());
        builder.ComplexCollection<List<Comment>, Comment>("_comments", comment => comment.ToJson("Comments"));
        builder.ComplexCollection<List<Attachment>, Attachment>("_attachments", attachment =>
        {
            attachment.ToJson("Attachments");
            attachment.Property(a => a.Id);
            attachment.Property(a => a.Name);
            attachment.Property(a => a.Size);
            attachment.Property(a => a.ContentType);
            attachment.Property(a => a.Location).HasConversion<AttachmentLocationConverter>();
        });
        builder.ComplexCollection<List<HistoryEntry>, HistoryEntry>("_history", entry =>
        {
            entry.ToJson("History");
            RegistrationMapping.MapEntry(entry);
        });
        builder.Ignore(c => c.Comments);
        builder.Ignore(c => c.Attachments);
        builder.Ignore(c => c.History);
    }
}

/// <summary>A stored file as <c>file:reference</c>, an external link as its absolute URL.</summary>
internal sealed class AttachmentLocationConverter() : ValueConverter<AttachmentLocation, string>(
    location => Write(location), text => Read(text))
{
    private const string FilePrefix = "file:";

    private static string Write(AttachmentLocation location) => location switch
    {
        AttachmentLocation.StoredFile file => FilePrefix + file.Reference,
        AttachmentLocation.ExternalLink link => link.Url.AbsoluteUri,
        _ => throw new ArgumentOutOfRangeException(nameof(location)),
    };

    private static AttachmentLocation Read(string text) => text.StartsWith(FilePrefix, StringComparison.Ordinal)
        ? new AttachmentLocation.StoredFile(text[FilePrefix.Length..])
        : new AttachmentLocation.ExternalLink(new Uri(text, UriKind.Absolute));
}

