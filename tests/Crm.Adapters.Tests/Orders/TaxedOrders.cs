using Crm.Adapters.Testing;
using Crm.Domain.Accounts;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Taxes;

namespace Crm.Adapters.Tests.Orders;

/// <summary>
/// Orders as <c>ErpOrder.From</c> gives them once pricing keeps the items' taxes: <see cref="TestOrders.Released"/> with
/// the freight, insurance and other expenses apportioned to the items, and per item IPI 6.5 % and ICMS 18 % on the
/// operation, ICMS-ST (MVA 40 %, 18 %) when asked, PIS 1.65 % and COFINS 7.6 % without the ICMS, CBS 0.9 % and IBS-UF
/// 0.1 % on what is left; the total adds the IPI and the ICMS-ST on top.
/// </summary>
internal static class TaxedOrders
{
    public static ErpOrder Of(string customerCode, int lines = 3, Account? customer = null, bool st = false, decimal freight = 68m,
        decimal insurance = 12.34m, decimal otherExpenses = 5.01m)
    {
        var plain = TestOrders.Released(customerCode, lines, customer, freight);
        var n = plain.Items.Count;
        ErpOrderItem[] items =
            [.. plain.Items.Select((item, i) => Taxed(item, Share(freight, i, n), Share(insurance, i, n), Share(otherExpenses, i, n), st))];
        return plain with { Items = items, Total = items.Sum(Total) };
    }

    /// <summary>What the item adds to vNF: its net value, expense shares, IPI and ICMS-ST.</summary>
    public static decimal Total(ErpOrderItem item) =>
        item.Value - item.Discount + item.Freight + item.Insurance + item.OtherExpenses + item.Taxes!.Ipi.Value + item.Taxes.IcmsSt.Value;

    // An even split in cents, the last item taking the remainder.
    private static decimal Share(decimal total, int index, int count) =>
        index < count - 1 ? decimal.Round(total / count, 2) : total - (decimal.Round(total / count, 2) * (count - 1));

    private static ErpOrderItem Taxed(ErpOrderItem item, decimal freight, decimal insurance, decimal other, bool st)
    {
        var operation = item.Value - item.Discount + freight + insurance + other;
        var (ipi, icms) = (Line(operation, 6.5m), Line(operation, 18m));
        var stBase = Cents((operation + ipi.Value) * 1.4m);
        var pisCofins = operation - icms.Value;
        var (pis, cofins) = (Line(pisCofins, 1.65m), Line(pisCofins, 7.6m));
        var ibsCbs = pisCofins - pis.Value - cofins.Value;
        return item with
        {
            Freight = freight,
            Insurance = insurance,
            OtherExpenses = other,
            Taxes = new ItemTaxes
            {
                IcmsCst = st ? "10" : "00",
                Icms = icms,
                Fcp = TaxLine.None,
                IcmsSt = st ? new TaxLine(stBase, 18m, Cents(stBase * 0.18m) - icms.Value, "st-sp") : TaxLine.None,
                FcpSt = TaxLine.None,
                Difal = TaxLine.None,
                IpiCst = "50",
                Ipi = ipi,
                PisCofinsCst = "01",
                Pis = pis,
                Cofins = cofins,
                Cbs = Line(ibsCbs, 0.9m),
                IbsUf = Line(ibsCbs, 0.1m),
                IbsMun = TaxLine.None,
            },
        };
    }

    private static TaxLine Line(decimal taxBase, decimal rate) => new(taxBase, rate, Cents(taxBase * rate / 100m), "rule");

    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
