using Crm.Domain.Identity;
using Crm.Domain.Tasks;
using NodaTime;

namespace Crm.Domain.Tests.Tasks;

public class SalesTaskTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly LocalDate Due = new(2026, 3, 10);

    private static SalesTask NewTask() => SalesTask.Create(" Ligar para o cliente ", Due, new UserId(Guid.NewGuid()), Now).AsT0;

    [Fact]
    public void A_task_starts_pending_with_a_trimmed_title()
    {
        var task = NewTask();

        Assert.Equal(("Ligar para o cliente", false, Due), (task.Title, task.IsDone, task.Due));
    }

    [Fact]
    public void A_task_needs_a_title() =>
        Assert.Equal(SalesTask.TitleRequired, SalesTask.Create("", Due, new UserId(Guid.NewGuid()), Now).AsT1.Problems.Single().Code);

    [Fact]
    public void A_pending_task_is_overdue_only_after_its_due_date()
    {
        var task = NewTask();

        Assert.False(task.IsOverdue(Due));
        Assert.True(task.IsOverdue(Due.PlusDays(1)));
    }

    [Fact]
    public void Completing_twice_or_reopening_a_pending_task_is_refused()
    {
        List<SalesTask> tasks = [NewTask()];
        var id = tasks[0].Id;

        Assert.True(TaskList.Apply(tasks, id, new TaskChange.Complete(), Now).IsT0);
        Assert.False(tasks[0].IsOverdue(Due.PlusDays(5)));
        Assert.Equal(SalesTask.AlreadyDone, TaskList.Apply(tasks, id, new TaskChange.Complete(), Now).AsT1.Problems[0].Code);
        Assert.True(TaskList.Apply(tasks, id, new TaskChange.Reopen(), Now).IsT0);
        Assert.Equal(SalesTask.NotDone, TaskList.Apply(tasks, id, new TaskChange.Reopen(), Now).AsT1.Problems[0].Code);
    }

    [Fact]
    public void Reassigning_and_rescheduling_change_assignee_and_due_date()
    {
        List<SalesTask> tasks = [NewTask()];
        var other = new UserId(Guid.NewGuid());

        TaskList.Apply(tasks, tasks[0].Id, new TaskChange.Reassign(other), Now);
        TaskList.Apply(tasks, tasks[0].Id, new TaskChange.Reschedule(Due.PlusDays(7)), Now);

        Assert.Equal((other, Due.PlusDays(7)), (tasks[0].Assignee, tasks[0].Due));
    }

    [Fact]
    public void An_unknown_task_is_reported() =>
        Assert.Equal(SalesTask.NotFound, TaskList.Apply([], TaskId.New(), new TaskChange.Complete(), Now).AsT1.Problems[0].Code);
}
