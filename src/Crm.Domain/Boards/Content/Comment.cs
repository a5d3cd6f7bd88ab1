using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Boards.Content;

/// <summary>An internal note between users on a card or base card.</summary>
/// <param name="Id">The comment's id.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">What was written.</param>
/// <param name="At">When.</param>
public sealed record Comment(CommentId Id, UserId Author, string Text, Instant At);
