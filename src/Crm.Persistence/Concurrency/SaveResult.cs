using Crm.Domain.Problems;
using OneOf;

namespace Crm.Persistence.Concurrency;

/// <summary>Every change of the unit of work was written.</summary>
/// <param name="Changes">How many rows were written, the duplicate keys of the saved leads and accounts included.</param>
public sealed record Saved(int Changes);

/// <summary>
/// Someone else saved one of these aggregates since it was read: nothing was written. Read them again, reapply the
/// change and save again (or tell the user).
/// </summary>
/// <param name="Aggregates">The conflicting aggregates, as <c>Type id</c>.</param>
public sealed record Conflict(IReadOnlyList<string> Aggregates)
{
    /// <summary>The stable problem code of a conflict.</summary>
    public const string Code = "persistence.concurrency_conflict";

    /// <summary>The conflict as a problem a form can show.</summary>
    public Problem ToProblem() =>
        new("", Code, $"O registro foi alterado por outra pessoa desde que foi lido ({string.Join(", ", Aggregates)}). Recarregue e tente de novo.");
}

/// <summary>The outcome of <see cref="CrmDbContext.SaveAsync"/>: saved, a concurrency conflict, or refused changes.</summary>
public sealed class SaveResult : OneOfBase<Saved, Conflict, Invalid>
{
    private SaveResult(OneOf<Saved, Conflict, Invalid> value) : base(value) { }

    /// <summary>Wraps a success.</summary>
    public static implicit operator SaveResult(Saved value) => new(value);

    /// <summary>Wraps a conflict.</summary>
    public static implicit operator SaveResult(Conflict value) => new(value);

    /// <summary>Wraps refused changes.</summary>
    public static implicit operator SaveResult(Invalid value) => new(value);

    /// <summary>Whether everything was written.</summary>
    public bool IsSaved => IsT0;
}
