using System.CommandLine;
using System.Globalization;
using Crm.Cli.Demo;
using Crm.Domain.Matrices;
using Crm.Sdk;
using Crm.Sdk.Matrices;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crm.Cli.Matrices;

/// <summary><c>crm matrix list NAME</c>: a stored matrix of the demo tenant, a page of its rules by id, as its Diretora reads them.</summary>
internal sealed class MatrixCommands(IAnsiConsole console, Func<string, int> fail, Func<string, Func<string, Task<int>>, Task<int>> onDatabase)
{
    public Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = $"The demo's SQLite file (default: ./{DemoCommand.DefaultPath}).",
            DefaultValueFactory = _ => DemoCommand.DefaultPath,
        };
        var name = new Argument<string>("name") { Description = $"The matrix: {string.Join(", ", MatrixModule.Names)}." };
        var skip = new Option<int>("--skip") { Description = "Rules to skip (by id).", DefaultValueFactory = _ => 0 };
        var take = new Option<int>("--take") { Description = $"Rules to show (at most {Paging.MaxPageSize}).", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "Shows a matrix: its version, last change and a page of its rules by id.") { name, db, skip, take };
        list.SetAction((result, ct) => onDatabase(result.GetValue(db)!,
            path => CliEngine.AsMarinaAsync(path, session => ListAsync(session, result.GetValue(name)!, result.GetValue(skip), result.GetValue(take), ct), ct)));
        return new Command("matrix", "The demo tenant's tax and commercial matrices (run crm demo first).") { list };
    }

    private async Task<int> ListAsync(CrmSession session, string name, int skip, int take, CancellationToken cancellationToken)
    {
        var read = await session.Matrices.ListAsync(name, skip, take, cancellationToken);
        if (!read.TryPickT0(out var page, out _))
            return fail(string.Join("; ", read.Problems.Select(p => $"{p.Code}: {p.Message}")));
        var summary = page.Summary;
        var changed = summary.ChangedAt is { } at ? $"gravada em {at}" : "nunca gravada";
        console.MarkupLineInterpolated($"Matriz [bold]{summary.Matrix}[/]: versão {summary.Version}, {summary.Rules} regra(s), {changed}");
        var table = new Table().AddColumns("Regra", "Chave", "Vigência", "Quantidade", "Valores");
        foreach (var rule in page.Rules)
            table.AddRow(Markup.Escape(rule.Id), Markup.Escape(KeyText(rule.Key)), Markup.Escape(rule.Key.Validity.ToString()),
                Markup.Escape(rule.Key.Quantity.ToString()), Markup.Escape(PayloadText(rule.Payload)));
        console.Write(table);
        return 0;
    }

    /// <summary>The dimensions a key binds, <c>name=value</c>; <c>*</c> for a key that binds none.</summary>
    private static string KeyText(MatrixKey key)
    {
        (string Name, object? Value)[] bound =
        [
            ("estabelecimento", key.Establishment), ("cliente", key.Customer), ("grupo", key.CustomerGroup), ("tipo", key.ClientType),
            ("uf_origem", key.OriginUf), ("uf_destino", key.DestinationUf), ("produto", key.Product), ("linha", key.ProductLine),
            ("origem", key.ProductOrigin is { } o ? (int)o : null), ("cest", key.Cest?.Value), ("ncm", key.NcmPrefix), ("unidade", key.Unit),
            ("condicao", key.PaymentCondition), ("canal", key.SalesChannel), ("papel", key.Role),
        ];
        var text = string.Join("; ", bound.Where(b => b.Value is not null).Select(b => $"{b.Name}={Convert.ToString(b.Value, CultureInfo.InvariantCulture)}"));
        return text.Length == 0 ? "*" : text;
    }

    // A payload record prints as "IpiRule { Cst = 50, Rate = 10 }": its values are what a reader wants.
    private static string PayloadText(object payload)
    {
        var text = Convert.ToString(payload, CultureInfo.InvariantCulture) ?? "";
        var open = text.IndexOf('{', StringComparison.Ordinal);
        return open < 0 ? text : text[(open + 1)..].TrimEnd('}').Trim();
    }
}
