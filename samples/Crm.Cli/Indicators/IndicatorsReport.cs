using System.Globalization;
using Crm.Cli.Demo;
using Crm.Domain.Identity;
using Crm.Indicators;
using Crm.Sdk;
using Spectre.Console;

namespace Crm.Cli.Indicators;

/// <summary>The indicators as Spectre.Console charts: each figure of the period beside the previous period's.</summary>
internal sealed class IndicatorsReport(IAnsiConsole console)
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    /// <summary>A demo user's name; "sem responsável" for none, the id for a user the demo does not know.</summary>
    public static string NameOf(UserId? user) =>
        user is not { } id ? "sem responsável" : DemoData.People.FirstOrDefault(p => p.Id == id)?.Name ?? id.Value.ToString();

    public void Write(string viewer, RegistrationIndicators registration, SalesIndicators sales, ServiceIndicators service)
    {
        console.MarkupLineInterpolated($"Indicadores de [bold]{registration.Period.First.ToString("dd/MM/yyyy", PtBr)}[/] a [bold]{registration.Period.Last.ToString("dd/MM/yyyy", PtBr)}[/] (anterior: {registration.Period.Previous.First.ToString("dd/MM/yyyy", PtBr)} a {registration.Period.Previous.Last.ToString("dd/MM/yyyy", PtBr)}), visão de {viewer}");

        console.Write(Compared("Cadastro", [("Contas", registration.Accounts), ("Leads", registration.Leads), ("Base", registration.Base)]));
        console.Write(new BreakdownChart().Width(80)
            .AddItem("Ativas", registration.Situation.Active, Color.Green)
            .AddItem("Inativas", registration.Situation.Inactive, Color.Red)
            .AddItem("Não integradas", registration.Situation.NotIntegrated, Color.Yellow));
        console.MarkupLineInterpolated($"Contatos: {registration.Contacts.Total} ({Percent(registration.Contacts.EmailPercent)} com e-mail, {Percent(registration.Contacts.PhonePercent)} com telefone)");
        console.Write(Compared("Permissões de marketing", [.. registration.Marketing.Select(m => (m.Channel.ToString(), m.OptedIn))]));
        foreach (var churn in registration.Churn.Where(c => c.Current.Customers > 0 || c.Previous.Customers > 0))
            console.MarkupLineInterpolated($"Churn da carteira de {NameOf(churn.Portfolio)}: {churn.Current.Lost} de {churn.Current.Customers} ({Percent(churn.Current.LostPercent)}); anterior {churn.Previous.Lost} de {churn.Previous.Customers}");

        console.Write(Money("Faturamento por representante", [.. sales.PerRepresentative.Select(r => (NameOf(r.Seller), r.Revenue))]));
        console.Write(Compared("Clientes comprando por carteira", [.. sales.CustomersPerPortfolio.Select(p => (NameOf(p.Portfolio), p.Buying))]));
        console.Write(Money("Produtos mais vendidos (valor)", [.. sales.BestSellers.Select(p => (p.Product, p.Value))]));
        console.Write(Compared("Oportunidades que entraram em cada etapa", [.. sales.Funnel.Select(f => (f.Name, f.Entered))]));
        console.MarkupLineInterpolated($"Cross/up-sell: {sales.CrossSell.Won.Current} oportunidades ganhas de clientes ({Money(sales.CrossSell.Value.Current)}); anterior {sales.CrossSell.Won.Previous}");

        console.Write(Compared("Atendimento", [("E-mails recebidos", service.Emails),
            .. service.PerUser.Select(u => ($"Atendimentos de {NameOf(u.Attendant)}", u.Attendances)),
            .. service.ComplaintsPerProfile.Select(p => ($"Reclamações do perfil {p.ClientType ?? "sem tipo"}", p.Complaints))]));
        if (service.PreferredChannels.Count > 0)
        {
            var channels = new BreakdownChart().Width(80);
            foreach (var (preference, i) in service.PreferredChannels.Select((p, i) => (p, i)))
                channels.AddItem(PortugueseLabels.Of(preference.Channel), preference.Customers, Palette[i % Palette.Length]);
            console.Write(channels);
        }
        var response = service.ResponseTime;
        console.MarkupLineInterpolated($"Tempo de resposta: {response.Answered} respondidas, média {Seconds(response.AverageSeconds)}, mediana {Seconds(response.MedianSeconds)}, {response.Breaches} fora do prazo");
    }

    /// <summary>The short section <c>crm demo</c> ends with: registrations, revenue per representative, customers per preferred channel.</summary>
    public void WriteSummary(RegistrationIndicators registration, SalesIndicators sales, ServiceIndicators service)
    {
        console.MarkupLineInterpolated($"Indicadores do mês: {registration.Accounts.Current} contas e {registration.Leads.Current} leads cadastrados (anterior: {registration.Accounts.Previous} e {registration.Leads.Previous})");
        foreach (var representative in sales.PerRepresentative)
            console.MarkupLineInterpolated($"  Faturamento de {NameOf(representative.Seller)}: {Money(representative.Revenue.Current)} (anterior {Money(representative.Revenue.Previous)})");
        foreach (var channel in service.PreferredChannels)
            console.MarkupLineInterpolated($"  Clientes que preferem {PortugueseLabels.Of(channel.Channel)}: {channel.Customers}");
    }

    private static readonly Color[] Palette = [Color.SteelBlue, Color.Orange1, Color.Green, Color.Purple, Color.Red, Color.Grey];

    // A bar chart needs a bar (Spectre cannot scale an empty one): a group with nothing to show says so in a line.
    private static Spectre.Console.Rendering.IRenderable Compared(string title, IReadOnlyList<(string Label, Compared<long> Figure)> figures)
    {
        if (figures.Count == 0)
            return Nothing(title);
        var chart = new BarChart().Label($"[bold]{Markup.Escape(title)}[/]").Width(80);
        foreach (var (label, figure) in figures)
        {
            chart.AddItem($"{Markup.Escape(label)} (atual)", figure.Current, Color.SteelBlue);
            chart.AddItem($"{Markup.Escape(label)} (anterior)", figure.Previous, Color.Grey);
        }
        return chart;
    }

    private static Spectre.Console.Rendering.IRenderable Money(string title, IReadOnlyList<(string Label, Compared<decimal> Figure)> figures)
    {
        if (figures.Count == 0)
            return Nothing(title);
        var chart = new BarChart().Label($"[bold]{Markup.Escape(title)}[/]").Width(80).UseValueFormatter(v => v.ToString("N2", PtBr));
        foreach (var (label, figure) in figures)
        {
            chart.AddItem($"{Markup.Escape(label)} (atual)", (double)figure.Current, Color.SteelBlue);
            chart.AddItem($"{Markup.Escape(label)} (anterior)", (double)figure.Previous, Color.Grey);
        }
        return chart;
    }

    private static Markup Nothing(string title) => new($"[bold]{Markup.Escape(title)}[/]: nada no período\n");

    private static string Money(decimal value) => value.ToString("C2", PtBr);

    private static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", PtBr) + " %" : "—";

    private static string Seconds(decimal? value) => value is { } v ? $"{v / 60m:0.#} min" : "—";
}
