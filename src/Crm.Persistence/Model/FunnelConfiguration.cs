using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Tasks;
using Crm.Domain.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

internal sealed class PipelineConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> builder)
    {
        builder.IsAggregate("Pipelines", p => p.Tenant, p => p.Id, context);
        builder.Property(p => p.Name).HasMaxLength(TextLimits.PipelineName);
        builder.ComplexCollection<List<PipelineStage>, PipelineStage>("_stages", stage =>
        {
            stage.ToJson("Stages");
            stage.Property(s => s.Id);
            stage.Property(s => s.Name);
            stage.Property(s => s.Probability);
            stage.Property(s => s.Outcome);
            stage.Property(s => s.StagnantDays);
            stage.Property(s => s.PromoteAccountTo);
            stage.Property(s => s.PublishToCharts);
        });
        builder.Ignore(p => p.Stages);
        builder.Ignore(p => p.Entry);
        builder.Ignore(p => p.Won);
        builder.Ignore(p => p.Lost);
    }
}

internal sealed class OpportunityConfiguration(CrmDbContext context) : IEntityTypeConfiguration<Opportunity>
{
    // The stage history and the tasks are JSON columns of the opportunity; the current stage is derived from the
    // history, so it is not a column of its own.
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.IsAggregate("Opportunities", o => o.Tenant, o => o.Id, context);
        builder.Property(o => o.Pipeline);
        builder.Property(o => o.CreatedAt);
        builder.Property(o => o.Title).HasMaxLength(TextLimits.OpportunityTitle);
        builder.Property(o => o.Account);
        builder.Property(o => o.Owner);
        builder.ComplexProperty(o => o.Value, money =>
        {
            money.Property(m => m.Amount).HasColumnName("ValueAmount");
            money.Property(m => m.Currency).HasColumnName("ValueCurrency").HasMaxLength(3);
        });
        builder.ComplexProperty(o => o.Quantity, quantity =>
        {
            quantity.Property(q => q.Amount).HasColumnName("QuantityAmount");
            quantity.Property(q => q.Unit).HasColumnName("QuantityUnit").HasMaxLength(TextLimits.QuantityUnit);
        });
        builder.Property(o => o.ExpectedClose);
        builder.Property(o => o.Description);
        builder.Property(o => o.Source).HasMaxLength(TextLimits.OpportunitySource);
        builder.Property(o => o.Status);
        builder.Property(o => o.CloseReason);
        builder.ComplexCollection<List<StageVisit>, StageVisit>("_history", visit => visit.ToJson("StageHistory"));
        TaskMapping.MapTasks(builder);
        builder.Ignore(o => o.History);
        builder.Ignore(o => o.Tasks);
        builder.Ignore(o => o.Stage);
        // The current visit as columns (the funnel indicator groups on them instead of expanding StageHistory).
        SearchColumns.Map(builder, CrmQueries.CurrentStage, o => o.Stage);
        SearchColumns.Map(builder, CrmQueries.StageEnteredAt, o => o.History[^1].Entered);
        // The latest stage entry bounds which stage histories can hold an entry in a period (none after it).
        SearchColumns.Map(builder, CrmQueries.LatestStageEntry, o => o.History.Max(v => v.Entered));
        builder.HasTenantIndex(nameof(Opportunity.Owner));
        builder.HasTenantIndex(nameof(Opportunity.Account));
        builder.HasTenantIndex(CrmQueries.CurrentStage, nameof(Opportunity.Owner));
        builder.HasTenantIndex(CrmQueries.LatestStageEntry);
        builder.HasTenantIndex(nameof(Opportunity.Status), CrmQueries.StageEnteredAt);
    }
}

internal static class TaskMapping
{
    /// <summary>The field that holds an aggregate's tasks.</summary>
    public const string Field = "_tasks";

    /// <summary>The aggregate's <see cref="Field"/> list as the JSON column <c>Tasks</c>.</summary>
    public static void MapTasks<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.ComplexCollection<List<SalesTask>, SalesTask>(Field, task =>
        {
            task.ToJson("Tasks");
            Map(task);
        });

    private static void Map(ComplexCollectionBuilder<SalesTask> task)
    {
        task.Property(t => t.Id);
        task.Property(t => t.Title);
        task.Property(t => t.Due);
        task.Property(t => t.Assignee);
        task.Property(t => t.CreatedAt);
        task.Property(t => t.DoneAt);
    }
}
