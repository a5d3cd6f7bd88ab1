using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;
using OneOf;

namespace Crm.Domain.Tasks;

/// <summary>
/// A to-do on a board card or an opportunity: what, by when, who. Tasks are owned by their subject
/// (the card or the opportunity keeps the list; a card also keeps whether it has any, for its filter), and a
/// task change counts as activity on its subject.
/// </summary>
public sealed class SalesTask
{
    /// <summary>Problem code: the title is empty.</summary>
    public const string TitleRequired = "task.title.required";

    /// <summary>Problem code: the task is already done.</summary>
    public const string AlreadyDone = "task.already_done";

    /// <summary>Problem code: the task is not done, so it cannot be reopened.</summary>
    public const string NotDone = "task.not_done";

    /// <summary>Problem code: no task with that id on the subject.</summary>
    public const string NotFound = "task.not_found";

    private SalesTask(TaskId id, string title, LocalDate due, UserId assignee, Instant createdAt)
    {
        Id = id;
        Title = title;
        Due = due;
        Assignee = assignee;
        CreatedAt = createdAt;
    }

    /// <summary>The task's id.</summary>
    public TaskId Id { get; }

    /// <summary>What has to be done.</summary>
    public string Title { get; }

    /// <summary>The business date it is due on.</summary>
    public LocalDate Due { get; private set; }

    /// <summary>Who has to do it.</summary>
    public UserId Assignee { get; private set; }

    /// <summary>When it was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When it was done; null while pending.</summary>
    public Instant? DoneAt { get; private set; }

    /// <summary>True once done.</summary>
    public bool IsDone => DoneAt is not null;

    /// <summary>True when still pending after its due date.</summary>
    /// <param name="today">The business date to judge by.</param>
    public bool IsOverdue(LocalDate today) => !IsDone && today > Due;

    /// <summary>Creates a pending task, or the problem with its title.</summary>
    /// <param name="title">What has to be done.</param>
    /// <param name="due">The due date.</param>
    /// <param name="assignee">Who has to do it.</param>
    /// <param name="now">The creation instant.</param>
    public static Outcome<SalesTask> Create(string? title, LocalDate due, UserId assignee, Instant now)
    {
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(title))
            problems.Add(new("title", TitleRequired, "Informe o título da tarefa."));
        problems.CheckCharacters(title?.Trim(), "title");
        return problems.HasProblems ? problems.ToInvalid() : new SalesTask(TaskId.New(), title!.Trim(), due, assignee, now);
    }

    internal Outcome<SalesTask> Complete(Instant now)
    {
        if (IsDone)
            return new Invalid(new Problem("task", AlreadyDone, "A tarefa já foi concluída."));
        DoneAt = now;
        return this;
    }

    internal Outcome<SalesTask> Reopen()
    {
        if (!IsDone)
            return new Invalid(new Problem("task", NotDone, "A tarefa não está concluída."));
        DoneAt = null;
        return this;
    }

    internal void Reassign(UserId assignee) => Assignee = assignee;

    internal void Reschedule(LocalDate due) => Due = due;
}
