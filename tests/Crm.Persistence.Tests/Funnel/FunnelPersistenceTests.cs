using Crm.Domain.Boards;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Monetary;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Persistence.Tests.Funnel;

public sealed class FunnelPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    [Theory, SqliteData, PostgresData]
    public async Task A_pipeline_and_an_opportunity_with_stage_history_money_and_tasks_read_back_exactly(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var pipeline = DefaultPipeline.Create(Tenant, null, null).AsT0;
        // An amount with more decimals than any fixed scale: money must come back digit for digit.
        var draft = new OpportunityDraft("Renovação anual", new AccountId(Guid.NewGuid()), Records.Ana, new Money(12345.6789m, "BRL"),
            new Quantity(10.500m, "UN"), new LocalDate(2026, 12, 31), "Contrato de 12 meses", "Indicação");
        var settings = OpportunitySettings.Default with { QuantitativeGoals = true };
        var opportunity = Opportunity.Open(Tenant, pipeline, draft, settings, clock).AsT0.Opportunity;
        clock.Advance(Duration.FromDays(3));
        opportunity.MoveTo(pipeline, pipeline.Stages[2].Id, clock);
        opportunity.AddTask("Enviar proposta", new LocalDate(2026, 12, 1), Records.Ana, clock);
        await using (var write = db.Open(Tenant))
        {
            write.Pipelines.Add(pipeline);
            write.Opportunities.Add(opportunity);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using var read = db.Open(Tenant);
        var storedPipeline = await read.Pipelines.SingleAsync();
        var stored = await read.Opportunities.SingleAsync();

        Assert.Equal(pipeline.Stages, storedPipeline.Stages);
        Assert.Equal(opportunity.History, stored.History);
        Assert.Equal(pipeline.Stages[2].Id, stored.Stage);
        Assert.Equal(new Money(12345.6789m, "BRL"), stored.Value);
        Assert.Equal("12345.6789", stored.Value!.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Quantity(10.500m, "UN"), stored.Quantity);
        Assert.Equal(opportunity.CreatedAt, stored.CreatedAt);
        var task = Assert.Single(stored.Tasks);
        Assert.Equal(("Enviar proposta", new LocalDate(2026, 12, 1), Records.Ana), (task.Title, task.Due, task.Assignee));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_board_reads_back_with_stages_tags_users_and_history(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var clock = Records.Clock();
        var board = Board.Create(Tenant, "Prospecção Sul", new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#1E88E5"), Records.Ana, clock).AsT0;
        board.AddStage("Contato", 5, Colour.Of("#FFC107"), Records.Ana, clock);
        board.AddStage("Visita", null, null, Records.Ana, clock);
        board.AddTag("Fibra", Colour.Of("#43A047"), Records.Ana, clock);
        board.Release(new UserId(Guid.NewGuid()), Records.Ana, clock);
        await using (var write = db.Open(Tenant))
        {
            write.Boards.Add(board);
            await write.SaveAsync();
        }

        await using var read = db.Open(Tenant);
        var stored = await read.Boards.SingleAsync();

        Assert.Equal(board.Stages, stored.Stages);
        Assert.Equal(board.Tags, stored.Tags);
        Assert.Equal(board.Users, stored.Users);
        Assert.Equal(board.History, stored.History);
        Assert.Equal((board.Name, board.Scope, board.Colour, board.CreatedAt), (stored.Name, stored.Scope, stored.Colour, stored.CreatedAt));
    }
}
