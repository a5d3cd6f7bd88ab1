namespace Crm.Domain.Boards.Content;

/// <summary>Stable problem codes of card and base-card content edits.</summary>
public static class ContentCodes
{
    /// <summary>The tag is not one of the board's tags.</summary>
    public const string TagUnknown = "card.tag.unknown";

    /// <summary>The tag is already on the card.</summary>
    public const string TagPresent = "card.tag.present";

    /// <summary>The tag is not on the card.</summary>
    public const string TagAbsent = "card.tag.absent";

    /// <summary>The user is already a member of the card.</summary>
    public const string MemberPresent = "card.member.present";

    /// <summary>The user is not a member of the card.</summary>
    public const string MemberAbsent = "card.member.absent";

    /// <summary>The comment is empty.</summary>
    public const string CommentRequired = "card.comment.required";

    /// <summary>No comment with that id.</summary>
    public const string CommentNotFound = "card.comment.not_found";

    /// <summary>Only the author may remove a comment.</summary>
    public const string CommentNotAuthor = "card.comment.not_author";

    /// <summary>No attachment with that id.</summary>
    public const string AttachmentNotFound = "card.attachment.not_found";
}
