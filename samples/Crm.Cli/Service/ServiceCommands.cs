using System.CommandLine;
using System.Globalization;
using Crm.Cli.Demo;
using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using Crm.Sdk;
using Crm.Sdk.Service;
using NodaTime;
using Spectre.Console;

namespace Crm.Cli.Service;

/// <summary>
/// <c>crm service open|answer|close|list</c> and <c>crm agenda</c> on the demo's database, as its Diretora Marina: occurrences
/// opened, answered, closed and listed through her session, and a user's appointments over the next days.
/// </summary>
internal sealed class ServiceCommands(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDatabase)
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");
    private static readonly DateTimeZone Brasilia = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public Command Service()
    {
        var db = Db();
        var account = new Option<string>("--account") { Description = "The customer's account id (crm demo prints the ids it uses).", Required = true };
        var channel = new Option<ServiceChannel>("--channel") { Description = "Email, Phone, SocialMedia, Chat, InPerson or Other.", DefaultValueFactory = _ => ServiceChannel.Phone };
        var reason = new Option<string>("--reason") { Description = "The reason's code (RECL, DUV, SOL until the tenant configures its own).", Required = true };
        var description = new Option<string>("--description") { Description = "What the customer asked or complained about.", Required = true };
        var open = new Command("open", "Opens an occurrence.") { db, account, channel, reason, description };
        open.SetAction((r, ct) => WithGuid(r.GetValue(account)!, "account", id => Run(r.GetValue(db)!, async session =>
            Report(await session.Service.OpenAsync(new OccurrenceForm(new AccountId(id), r.GetValue(channel), r.GetValue(reason), r.GetValue(description)), ct),
                saved => $"Ocorrência {saved.Id.Value} aberta."), ct)));

        var answerDb = Db();
        var answerId = Id();
        var text = new Option<string>("--text") { Description = "The answer given to the customer.", Required = true };
        var answer = new Command("answer", "Records the answer given to the customer.") { answerDb, answerId, text };
        answer.SetAction((r, ct) => WithGuid(r.GetValue(answerId)!, "occurrence", id => Run(r.GetValue(answerDb)!, async session =>
            await ChangeAsync(session, new OccurrenceId(id), (version, c) => session.Service.AnswerAsync(new OccurrenceId(id), version, r.GetValue(text)!, c), ct), ct)));

        var closeDb = Db();
        var closeId = Id();
        var resolution = new Option<string?>("--resolution") { Description = "How it was resolved." };
        var close = new Command("close", "Closes an answered occurrence.") { closeDb, closeId, resolution };
        close.SetAction((r, ct) => WithGuid(r.GetValue(closeId)!, "occurrence", id => Run(r.GetValue(closeDb)!, async session =>
            await ChangeAsync(session, new OccurrenceId(id), (version, c) => session.Service.CloseAsync(new OccurrenceId(id), version, r.GetValue(resolution), c), ct), ct)));

        var listDb = Db();
        var status = new Option<OccurrenceStatus?>("--status") { Description = "Only Open, Answered or Closed ones." };
        var breached = new Option<bool>("--breached") { Description = "Only those answered late or still open past their due time." };
        var list = new Command("list", "Lists the occurrences, latest first.") { listDb, status, breached };
        list.SetAction((r, ct) => Run(r.GetValue(listDb)!, session => ListAsync(session,
            new OccurrenceFilter { Status = r.GetValue(status), Breached = r.GetValue(breached) ? true : null }, ct), ct));
        return new Command("service", "The demo tenant's customer service occurrences (run crm demo first).") { open, answer, close, list };
    }

    public Command Agenda()
    {
        var db = Db();
        var user = new Option<string>("--user") { Description = "Whose agenda: marina, carlos, ana, bruno or paula.", DefaultValueFactory = _ => "ana" };
        var days = new Option<int>("--days") { Description = "How many days from today (1 to 90).", DefaultValueFactory = _ => 7 };
        var agenda = new Command("agenda", "Lists a demo user's appointments from today on (run crm demo first).") { db, user, days };
        agenda.SetAction((r, ct) =>
        {
            var login = r.GetValue(user)!;
            if (DemoData.People.FirstOrDefault(p => p.Login == login) is not { } person)
                return Task.FromResult(fail($"--user '{Printable.OneLine(login)}' is not a demo user (marina, carlos, ana, bruno, paula)"));
            if (r.GetValue(days) is not (>= 1 and <= 90) and var n)
                return Task.FromResult(fail($"--days {n} is not between 1 and 90"));
            return Run(r.GetValue(db)!, session => AgendaAsync(session, person, r.GetValue(days), ct), ct);
        });
        return agenda;
    }

    private static Option<string> Db() => new("--db")
    {
        Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}).",
        DefaultValueFactory = _ => DemoCommand.DefaultPath,
    };

    private static Argument<string> Id() => new("id") { Description = "The occurrence's id (as crm service list shows it)." };

    private Task<int> Run(string db, Func<CrmSession, Task<int>> run, CancellationToken cancellationToken) =>
        onDatabase(db, path => CliEngine.AsMarinaAsync(path, run, cancellationToken));

    private Task<int> WithGuid(string text, string what, Func<Guid, Task<int>> run) =>
        Guid.TryParse(text, out var guid) ? run(guid) : Task.FromResult(fail($"'{Printable.OneLine(text)}' is not an {what} id"));

    // The CLI reads the occurrence first and changes the version it read: a one-shot command has no earlier read to rely on.
    private async Task<int> ChangeAsync(CrmSession session, OccurrenceId id, Func<long, CancellationToken, Task<CrmResult<OccurrenceSaved>>> change,
        CancellationToken cancellationToken)
    {
        if (!(await session.Service.GetAsync(id, cancellationToken)).TryPickT0(out var read, out _))
            return fail($"occurrence {id.Value} not found");
        return Report(await change(read.Version, cancellationToken), saved => $"Ocorrência {saved.Id.Value}: {Status(saved.Status)}.");
    }

    private int Report<T>(CrmResult<T> result, Func<T, string> success)
    {
        if (result.TryPickT0(out var value, out _))
        {
            console.WriteLine(success(value));
            return 0;
        }
        return fail(string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}")));
    }

    private async Task<int> ListAsync(CrmSession session, OccurrenceFilter filter, CancellationToken cancellationToken)
    {
        if (!(await session.Service.ListAsync(filter, 0, Paging.MaxPageSize, cancellationToken)).TryPickT0(out var lines, out _))
            return fail("the occurrences cannot be read");
        var table = new Table().Title("Ocorrências").AddColumns("Ocorrência", "Aberta em", "Canal", "Motivo", "Situação", "Prazo");
        foreach (var line in lines)
            table.AddRow(line.Id.Value.ToString(), When(line.OpenedAt), line.Channel.ToString(), Markup.Escape(line.Reason), Status(line.Status),
                line.Breached ? "[red]estourado[/]" : "no prazo");
        console.Write(table);
        return 0;
    }

    private async Task<int> AgendaAsync(CrmSession session, DemoPerson person, int days, CancellationToken cancellationToken)
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(Brasilia).Date;
        var from = today.AtStartOfDayInZone(Brasilia).ToInstant();
        var result = await session.Activities.AgendaAsync(from, today.PlusDays(days).AtStartOfDayInZone(Brasilia).ToInstant(), person.Id, cancellationToken);
        if (!result.TryPickT0(out var appointments, out _))
            return fail(string.Join("; ", result.Problems.Select(p => p.Code)));
        var table = new Table().Title($"Agenda de {Markup.Escape(person.Name)}").AddColumns("Início", "Fim", "Assunto", "Local", "Situação");
        foreach (var read in appointments)
        {
            var a = read.Appointment;
            table.AddRow(When(a.Start), When(a.End), Markup.Escape(Printable.OneLine(a.Title)), Markup.Escape(Printable.OneLine(a.Location ?? "")), a.Status.ToString());
        }
        console.Write(table);
        return 0;
    }

    private static string When(Instant at) => at.InZone(Brasilia).ToString("dd/MM/yyyy HH:mm", PtBr);

    private static string Status(OccurrenceStatus status) => status switch
    {
        OccurrenceStatus.Open => "aberta",
        OccurrenceStatus.Answered => "respondida",
        _ => "encerrada",
    };
}
