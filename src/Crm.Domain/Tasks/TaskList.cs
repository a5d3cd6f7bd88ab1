using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Tasks;

/// <summary>
/// The task operations shared by every subject that owns a list of tasks (cards, opportunities).
/// The subject keeps the <see cref="List{T}"/> itself so that persistence maps it as a plain collection.
/// </summary>
internal static class TaskList
{
    /// <summary>Applies <paramref name="change"/> to the task <paramref name="id"/> in <paramref name="tasks"/>.</summary>
    public static OneOf<SalesTask, Invalid> Apply(List<SalesTask> tasks, TaskId id, TaskChange change, Instant now)
    {
        var task = tasks.Find(t => t.Id == id);
        if (task is null)
            return new Invalid(new Problem("task", SalesTask.NotFound, "Tarefa não encontrada."));
        switch (change)
        {
            case TaskChange.Complete:
                return task.Complete(now);
            case TaskChange.Reopen:
                return task.Reopen();
            case TaskChange.Reassign r:
                task.Reassign(r.Assignee);
                return task;
            case TaskChange.Reschedule r:
                task.Reschedule(r.Due);
                return task;
            case TaskChange.Remove:
                tasks.Remove(task);
                return task;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown task change.");
        }
    }
}
