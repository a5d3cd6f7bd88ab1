using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Tasks;

/// <summary>A change to one task of a card or an opportunity, applied by the subject that owns the task list.</summary>
public abstract record TaskChange
{
    private TaskChange() { }

    /// <summary>Marks the task done.</summary>
    public sealed record Complete : TaskChange;

    /// <summary>Marks a done task pending again.</summary>
    public sealed record Reopen : TaskChange;

    /// <summary>Gives the task to another user.</summary>
    /// <param name="Assignee">The new assignee.</param>
    public sealed record Reassign(UserId Assignee) : TaskChange;

    /// <summary>Moves the due date.</summary>
    /// <param name="Due">The new due date.</param>
    public sealed record Reschedule(LocalDate Due) : TaskChange;

    /// <summary>Removes the task.</summary>
    public sealed record Remove : TaskChange;
}
