using System.Text.RegularExpressions;

namespace Crm.Cli.Tests;

/// <summary><c>crm service</c> and <c>crm agenda</c> over the demo's database: an occurrence opened, answered, closed and listed; the agenda.</summary>
public sealed class ServiceCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-service-");

    private string Db => Path.Combine(_folder.FullName, "demo.db");

    public void Dispose() => SqliteFolders.Delete(_folder);

    [Fact]
    public void An_occurrence_is_opened_answered_closed_and_listed_and_bad_input_is_one_clear_line()
    {
        var demo = CliRun.Of("demo", "--db", Db);
        Assert.Equal(0, demo.Exit);
        var account = Regex.Match(demo.Output, @"na conta ([0-9a-f-]{36})").Groups[1].Value;

        var open = CliRun.Of("service", "open", "--db", Db, "--account", account, "--reason", "DUV", "--description", "Qual o prazo de entrega?", "--channel", "Email");
        var id = Regex.Match(open.Output, @"Ocorrência ([0-9a-f-]{36}) aberta").Groups[1].Value;
        var closeEarly = CliRun.Of("service", "close", id, "--db", Db);
        var answer = CliRun.Of("service", "answer", id, "--db", Db, "--text", "Cinco dias úteis.");
        var close = CliRun.Of("service", "close", id, "--db", Db, "--resolution", "Informado");
        var list = CliRun.Of("service", "list", "--db", Db, "--status", "Closed");
        var unknownReason = CliRun.Of("service", "open", "--db", Db, "--account", account, "--reason", "XYZ", "--description", "x");
        var badId = CliRun.Of("service", "answer", "não-é-id", "--db", Db, "--text", "x");
        var agenda = CliRun.Of("agenda", "--db", Db, "--user", "ana", "--days", "3");
        var badUser = CliRun.Of("agenda", "--db", Db, "--user", "zé");

        Assert.Equal((0, 0, 0, 0, 0), (open.Exit, answer.Exit, close.Exit, list.Exit, agenda.Exit));
        Assert.Contains($"Ocorrência {id}: respondida.", answer.OutputLines);
        Assert.Contains($"Ocorrência {id}: encerrada.", close.OutputLines);
        Assert.Contains(list.OutputLines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("Email", StringComparison.Ordinal) && l.Contains("DUV", StringComparison.Ordinal));
        Assert.Contains(agenda.OutputLines, l => l.Contains("Visita de pós-venda", StringComparison.Ordinal) && l.Contains("Loja do cliente", StringComparison.Ordinal));
        foreach (var (run, text) in new[] { (closeEarly, "occurrence.not_answered"), (unknownReason, "occurrence.reason.unknown"), (badId, "is not an occurrence id"), (badUser, "is not a demo user") })
        {
            Assert.NotEqual(0, run.Exit);
            Assert.Contains(text, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
    }
}
