using System.Globalization;
using Spectre.Console;

namespace Crm.Cli.Validation;

/// <summary>Writes check results to the console and turns them into the exit code.</summary>
public static class ValidationReport
{
    /// <summary>All documents valid.</summary>
    public const int AllValid = 0;

    /// <summary>At least one document invalid.</summary>
    public const int SomeInvalid = 1;

    /// <summary>Bad usage or an unusable file.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// One line: the label (a line number, say), kind, value, and either the details or every problem. Whatever comes from
    /// the input is printed through <see cref="Printable.OneLine"/>, so a control character in a value cannot break the line.
    /// </summary>
    public static void WriteLine(IAnsiConsole console, string label, CheckResult result)
    {
        var head = $"{Markup.Escape(label)}{result.Kind.Name(),-10}{Shown(result.Display)}";
        if (result.IsValid)
        {
            var details = result.Details.Length == 0 ? "" : $"  [grey]{Shown(result.Details)}[/]";
            console.MarkupLine($"{head}  [green]valid[/]{details}");
            return;
        }
        var problems = string.Join("; ", result.Problems.Select(p => $"{p.Code}: {p.Message}"));
        console.MarkupLine($"{head}  [red]invalid[/] {Shown(problems)}");
    }

    private static string Shown(string text) => Markup.Escape(Printable.OneLine(text));

    /// <summary>Every row, then the counts; the exit code.</summary>
    public static int WriteFile(IAnsiConsole console, IReadOnlyList<(DocumentRow Row, CheckResult Result)> checks)
    {
        var width = checks.Count == 0 ? 0 : checks.Max(c => c.Row.Line).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var (row, result) in checks)
            WriteLine(console, $"line {row.Line.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  ", result);
        var invalid = checks.Count(c => !c.Result.IsValid);
        console.MarkupLine($"[bold]{checks.Count - invalid} valid, {invalid} invalid[/]");
        return invalid == 0 ? AllValid : SomeInvalid;
    }
}
