using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;

namespace Crm.Domain.Boards.Content;

/// <summary>
/// What cards and base cards share (seed 004: description, tags, members, comments, attachments, and a history
/// of every edit). Every successful edit appends one <see cref="HistoryEntry"/> and moves <see cref="UpdatedAt"/>,
/// which is what stagnation is measured from.
/// </summary>
public abstract class CardContent
{
    private readonly List<Comment> _comments = [];
    private readonly List<Attachment> _attachments = [];
    private readonly List<HistoryEntry> _history = [];

    /// <summary>Starts empty content, updated at its creation.</summary>
    /// <param name="board">The board it belongs to.</param>
    /// <param name="createdAt">When it was created.</param>
    protected CardContent(BoardId board, Instant createdAt)
    {
        Board = board;
        UpdatedAt = createdAt;
    }

    /// <summary>The board it belongs to.</summary>
    public BoardId Board { get; }

    /// <summary>The description.</summary>
    public string? Description { get; private set; }

    // Tags and members are read-only lists (a card has a handful), replaced on each edit and never changed in place:
    // EF Core stores them as primitive collections and translates a filter's Contains on them to SQL.

    /// <summary>The board tags on it.</summary>
    public IReadOnlyList<TagId> Tags { get; private set; } = [];

    /// <summary>The users linked to it.</summary>
    public IReadOnlyList<UserId> Members { get; private set; } = [];

    /// <summary>Internal notes, oldest first.</summary>
    public IReadOnlyList<Comment> Comments => _comments;

    /// <summary>Attached files and links.</summary>
    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>Every edit, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>When it was last edited (any edit in <see cref="History"/>).</summary>
    public Instant UpdatedAt { get; private set; }

    /// <summary>Replaces the description (blank clears it).</summary>
    /// <param name="description">The new description.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Describe(string? description, UserId actor, IClock clock)
    {
        var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        var problems = new ProblemCollector();
        problems.CheckCharacters(text, "description", multiLine: true);
        return EditChecked(actor, clock, problems.Items, "description", Description, text, _ => Description = text);
    }

    /// <summary>Puts one of the board's tags on it.</summary>
    /// <param name="board">Its board (where the tag is defined).</param>
    /// <param name="tag">The tag.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> AddTag(Board board, TagId tag, UserId actor, IClock clock)
    {
        var name = Own(board).FindTag(tag)?.Name;
        var problem = name is null ? new Problem("tag", ContentCodes.TagUnknown, "Etiqueta não existe neste CRM.")
            : Tags.Contains(tag) ? new Problem("tag", ContentCodes.TagPresent, $"A etiqueta '{name}' já está no cartão.")
            : null;
        return Edit(actor, clock, problem, "tags", null, name, _ => Tags = [.. Tags, tag]);
    }

    /// <summary>Takes a tag off.</summary>
    /// <param name="board">Its board (for the tag's name in the history).</param>
    /// <param name="tag">The tag.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> RemoveTag(Board board, TagId tag, UserId actor, IClock clock)
    {
        var problem = Tags.Contains(tag) ? null : new Problem("tag", ContentCodes.TagAbsent, "A etiqueta não está no cartão.");
        return Edit(actor, clock, problem, "tags", Own(board).FindTag(tag)?.Name ?? tag.Value.ToString(), null, _ => Tags = [.. Tags.Where(t => t != tag)]);
    }

    /// <summary>Links a user as a member.</summary>
    /// <param name="member">The user.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> AddMember(UserId member, UserId actor, IClock clock)
    {
        var problem = Members.Contains(member) ? new Problem("member", ContentCodes.MemberPresent, "O usuário já é membro.") : null;
        return Edit(actor, clock, problem, "members", null, member.Value.ToString(), _ => Members = [.. Members, member]);
    }

    /// <summary>Unlinks a member.</summary>
    /// <param name="member">The user.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> RemoveMember(UserId member, UserId actor, IClock clock)
    {
        var problem = Members.Contains(member) ? null : new Problem("member", ContentCodes.MemberAbsent, "O usuário não é membro.");
        return Edit(actor, clock, problem, "members", member.Value.ToString(), null, _ => Members = [.. Members.Where(m => m != member)]);
    }

    /// <summary>Adds an internal comment by <paramref name="author"/>.</summary>
    /// <param name="text">The comment.</param>
    /// <param name="author">Who writes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> AddComment(string? text, UserId author, IClock clock)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(text))
            problems.Add(new("comment", ContentCodes.CommentRequired, "Escreva um comentário."));
        problems.CheckCharacters(text?.Trim(), "comment", multiLine: true);
        return EditChecked(author, clock, problems.Items, "comments", null, text?.Trim(),
            now => _comments.Add(new Comment(CommentId.New(), author, text!.Trim(), now)));
    }

    /// <summary>Removes a comment; only its author may.</summary>
    /// <param name="comment">The comment.</param>
    /// <param name="actor">Who removes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> RemoveComment(CommentId comment, UserId actor, IClock clock)
    {
        var found = _comments.Find(c => c.Id == comment);
        var problem = found is null ? new Problem("comment", ContentCodes.CommentNotFound, "Comentário não encontrado.")
            : found.Author != actor ? new Problem("comment", ContentCodes.CommentNotAuthor, "Só o autor pode excluir o comentário.")
            : null;
        return Edit(actor, clock, problem, "comments", found?.Text, null, _ => _comments.Remove(found!));
    }

    /// <summary>Attaches a file or link.</summary>
    /// <param name="attachment">The validated attachment metadata.</param>
    /// <param name="actor">Who attaches it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Attach(Attachment attachment, UserId actor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Edit(actor, clock, null, "attachments", null, attachment.Name, _ => _attachments.Add(attachment));
    }

    /// <summary>Removes an attachment.</summary>
    /// <param name="attachment">The attachment.</param>
    /// <param name="actor">Who removes it.</param>
    /// <param name="clock">The clock.</param>
    public Outcome<HistoryEntry> Detach(AttachmentId attachment, UserId actor, IClock clock)
    {
        var found = _attachments.Find(a => a.Id == attachment);
        var problem = found is null ? new Problem("attachment", ContentCodes.AttachmentNotFound, "Anexo não encontrado.") : null;
        return Edit(actor, clock, problem, "attachments", found?.Name, null, _ => _attachments.Remove(found!));
    }

    /// <summary>Why the content cannot be edited now (e.g. the card is archived or deleted); null when it can.</summary>
    protected virtual Problem? Locked => null;

    /// <summary>
    /// Applies an edit: refuses it with <see cref="Locked"/> or <paramref name="problem"/>, otherwise runs
    /// <paramref name="apply"/>, records who changed which field from what to what, and moves <see cref="UpdatedAt"/>.
    /// </summary>
    /// <param name="actor">Who edits.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="problem">What is wrong with the edit, if anything.</param>
    /// <param name="field">The field changed.</param>
    /// <param name="before">Its value before, as text.</param>
    /// <param name="after">Its value after, as text.</param>
    /// <param name="apply">The change itself.</param>
    protected Outcome<HistoryEntry> Edit(UserId actor, IClock clock, Problem? problem, string field, string? before, string? after, Action<Instant> apply) =>
        EditChecked(actor, clock, problem is null ? [] : [problem], field, before, after, apply);

    /// <summary>An edit refused with every one of <paramref name="problems"/> (and <see cref="Locked"/>) when there are any.</summary>
    private protected Outcome<HistoryEntry> EditChecked(UserId actor, IClock clock, IReadOnlyList<Problem> problems, string field, string? before, string? after,
        Action<Instant> apply)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var refused = new ProblemCollector();
        if (Locked is { } locked)
            refused.Add(locked);
        refused.AddRange(problems);
        if (refused.HasProblems)
            return refused.ToInvalid();
        var now = clock.GetCurrentInstant();
        apply(now);
        return Record(actor, now, field, before, after);
    }

    /// <summary>Appends a history entry and moves <see cref="UpdatedAt"/> (never backwards).</summary>
    /// <param name="actor">Who changed it.</param>
    /// <param name="now">When.</param>
    /// <param name="field">The field changed.</param>
    /// <param name="before">Its value before, as text.</param>
    /// <param name="after">Its value after, as text.</param>
    protected HistoryEntry Record(UserId actor, Instant now, string field, string? before, string? after)
    {
        var entry = new HistoryEntry(now, actor, field, before, after, isSecret: false);
        _history.Add(entry);
        if (now > UpdatedAt)
            UpdatedAt = now;
        return entry;
    }

    /// <summary>The problems of a card's or base card's name: <paramref name="missing"/> when blank, then the text rule.</summary>
    /// <param name="name">The name as typed.</param>
    /// <param name="missing">The problem of a blank name.</param>
    private protected static ProblemCollector CheckName(string? name, Problem missing)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(missing);
        problems.Check(name?.Trim(), "name", TextLimits.CardName);
        return problems;
    }

    /// <summary>Copies a template's description, tags, members, comments and attachments (base cards applied on creation).</summary>
    /// <param name="template">The base card.</param>
    protected void CopyFrom(CardContent template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Description = template.Description;
        Tags = template.Tags;
        Members = template.Members;
        _comments.AddRange(template._comments.Select(c => c with { Id = CommentId.New() }));
        _attachments.AddRange(template._attachments.Select(a => a.Copy()));
    }

    private Board Own(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (board.Id != Board)
            throw new ArgumentException("The board given is not the one this content belongs to.", nameof(board));
        return board;
    }
}
