using Crm.Domain.Identity;
using Crm.Indicators;
using ScottPlot;

namespace Crm.Cli.Indicators;

/// <summary>The revenue per representative as a PNG bar chart (ScottPlot): the period's bar beside the previous period's.</summary>
internal static class IndicatorsChart
{
    public static void WriteRevenue(string file, SalesIndicators sales, Func<UserId?, string> nameOf)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        foreach (var (representative, i) in sales.PerRepresentative.Select((r, i) => (r, i)))
        {
            bars.Add(new Bar { Position = i * 3, Value = (double)representative.Revenue.Current, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = i * 3 + 1, Value = (double)representative.Revenue.Previous, FillColor = Colors.Gray });
            ticks.Add(new Tick(i * 3 + 0.5, nameOf(representative.Seller)));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Período", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Período anterior", FillColor = Colors.Gray });
        plot.ShowLegend();
        plot.Title($"Faturamento por representante, {sales.Period.First:dd/MM/yyyy} a {sales.Period.Last:dd/MM/yyyy}");
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(file, 900, 500);
    }
}
