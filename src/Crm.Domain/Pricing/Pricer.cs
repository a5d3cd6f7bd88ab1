using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;

namespace Crm.Domain.Pricing;

/// <summary>
/// Prices an order line by line: list price → customer/table price → promotion → discount/surcharge matrix →
/// seller's discount (checked against the role's limit) → minimum value → taxes, then apportions the document's
/// freight, insurance, other expenses and discount over the lines by value (<see cref="Apportionment"/>) and
/// computes each line's taxes (<see cref="ItemTaxCalculator"/>). Every step quotes the rule that decided it;
/// tax parameters carry the id of their matrix rule as their <c>Source</c>.
/// </summary>
public static class Pricer
{
    private const string Seller = "seller";

    /// <summary>Prices the order, or lists every problem of every line (fields like <c>lines[3].icms</c>).</summary>
    public static ParseResult<OrderPricing> PriceOrder(OrderRequest order, PricingSources sources)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(sources);
        var problems = new ProblemCollector();
        var header = order.Header;
        if (header.OriginUf is not { } origin || header.DestinationUf is not { } destination)
        {
            problems.Add("header.uf", PricingCodes.Input, "O pedido precisa das UFs de origem e de destino.");
            origin = destination = default;
        }
        var recipient = new Recipient(order.RecipientIe, order.FinalConsumer, origin != destination);
        problems.Cents("freight", order.Freight);
        problems.Cents("insurance", order.Insurance);
        problems.Cents("other_expenses", order.OtherExpenses);
        problems.Cents("discount", order.Discount);

        var drafts = new Draft[order.Lines.Count];
        var warnings = new List<Problem>();
        for (var i = 0; i < drafts.Length; i++)
            drafts[i] = Draft.Build(order, i, recipient, sources, ref problems, warnings);
        if (problems.HasProblems)
            return Failure(problems, warnings);

        Span<decimal> weights = drafts.Length <= 256 ? stackalloc decimal[drafts.Length] : new decimal[drafts.Length];
        for (var i = 0; i < drafts.Length; i++)
            weights[i] = drafts[i].Product;
        var freight = Split(order.Freight, "freight", weights, ref problems);
        var insurance = Split(order.Insurance, "insurance", weights, ref problems);
        var other = Split(order.OtherExpenses, "other_expenses", weights, ref problems);
        var discount = Split(order.Discount, "discount", weights, ref problems);
        if (problems.HasProblems)
            return Failure(problems, warnings);

        var lines = new LinePricing[drafts.Length];
        var totals = default(OrderTotals);
        for (var i = 0; i < drafts.Length; i++)
        {
            var d = drafts[i];
            var item = TaxItem.Create(d.Quantity, d.UnitPrice, freight[i], insurance[i], other[i] + d.Surcharge, discount[i] + d.LineDiscount);
            if (!item.TryPickT0(out var values, out var invalid))
            {
                problems.AddRange(invalid.Problems, $"lines[{i}].");
                continue;
            }
            var taxes = ItemTaxCalculator.Compute(values, d.Taxes);
            lines[i] = new LinePricing(d.ProductCode, d.Steps, d.UnitPrice, d.NetUnitPrice, taxes, d.Warnings);
            totals = totals.Add(taxes);
        }
        return problems.HasProblems ? Failure(problems, warnings) : new OrderPricing(lines, totals);
    }

    private static ParseResult<OrderPricing> Failure(ProblemCollector problems, List<Problem> warnings)
    {
        problems.AddRange(warnings);
        return problems.ToInvalid();
    }

    private static decimal[] Split(decimal amount, string field, ReadOnlySpan<decimal> weights, ref ProblemCollector problems)
    {
        var shares = new decimal[weights.Length];
        if (amount == 0m)
            return shares;
        var total = 0m;
        foreach (var w in weights)
            total += w;
        if (total == 0m)
            problems.Add(field, TaxCodes.NoWeight, $"Não há itens com valor para ratear {amount}.");
        else
            Apportionment.SplitChecked(amount, weights, shares);
        return shares;
    }

    /// <summary>A line after its price steps and tax parameters were resolved, before the document amounts are apportioned.</summary>
    private sealed class Draft
    {
        public string ProductCode = "";
        public decimal Quantity;
        public decimal UnitPrice;
        public decimal NetUnitPrice;
        public decimal Product;
        public decimal LineDiscount;
        public decimal Surcharge;
        public TaxParameters Taxes;
        public IReadOnlyList<PriceStep> Steps = [];
        public IReadOnlyList<Problem> Warnings = [];

        public static Draft Build(OrderRequest order, int index, Recipient recipient, PricingSources sources, ref ProblemCollector problems, List<Problem> orderWarnings)
        {
            var line = order.Lines[index];
            var at = $"lines[{index}].";
            var cents = sources.Rounding.Product;
            var draft = new Draft { ProductCode = line.Product, Quantity = line.Quantity };
            if (line.Quantity <= 0m)
                problems.Add(at + "quantity", PricingCodes.Input, $"Quantidade {line.Quantity} deve ser maior que zero.");
            if (line.SellerDiscount is < 0m or >= 100m)
                problems.Add(at + "seller_discount", PricingCodes.Input, $"Desconto {line.SellerDiscount} % fora do intervalo [0, 100).");
            Ncm? ncm = null;
            if (Ncm.Parse(line.Ncm).TryPickT0(out var parsed, out var badNcm))
                ncm = parsed;
            else
                problems.Add(at + "ncm", PricingCodes.Ncm, $"NCM '{line.Ncm}' inválido: {string.Join("; ", badNcm.Problems.Select(p => p.Message))}");

            var context = order.Header with
            {
                Product = line.Product,
                ProductLine = line.ProductLine,
                Cest = line.Cest,
                ProductOrigin = line.Origin,
                Unit = line.Unit,
                Ncm = ncm,
                Quantity = line.Quantity,
            };

            var steps = new List<PriceStep>(6);
            var warnings = new List<Problem>();
            if (sources.ListPrice.TryResolve(context, out var list))
            {
                var price = cents.ToCents(list.Value);
                steps.Add(new(PriceStepKind.ListPrice, price, 0m, list.RuleId));
                if (sources.CustomerPrice is { } customerPrices && customerPrices.TryResolve(context, out var customer))
                    steps.Add(new(PriceStepKind.CustomerPrice, price = cents.ToCents(customer.Value), 0m, customer.RuleId));
                if (sources.Promotion is { } promotions && promotions.TryResolve(context, out var promotion))
                    steps.Add(new(PriceStepKind.Promotion, price = cents.ToCents(price * (1m - promotion.Value / 100m)), -promotion.Value, promotion.RuleId));
                var net = price;
                if (sources.DiscountSurcharge is { } adjustments && adjustments.TryResolve(context, out var adjustment))
                    steps.Add(new(PriceStepKind.DiscountSurcharge, net = cents.ToCents(net * (1m + adjustment.Value / 100m)), adjustment.Value, adjustment.RuleId));
                if (line.SellerDiscount > 0m)
                {
                    steps.Add(new(PriceStepKind.SellerDiscount, net = cents.ToCents(net * (1m - line.SellerDiscount / 100m)), -line.SellerDiscount, Seller));
                    var limit = sources.MaximumDiscount is { } approvals && approvals.TryResolve(context, out var max) ? max : new Resolved<decimal>(0m, "");
                    if (line.SellerDiscount > limit.Value)
                        warnings.Add(new Problem(at + "seller_discount", PricingCodes.NeedsApproval,
                            $"Desconto de {line.SellerDiscount} % acima do limite de {limit.Value} % do papel {order.Header.Role}" +
                            (limit.RuleId.Length > 0 ? $" (regra {limit.RuleId})" : " (sem regra de alçada)") + ": requer aprovação.",
                            Severity.Warning));
                }
                if (sources.MinimumPrice is { } minimums && minimums.TryResolve(context, out var minimum))
                {
                    steps.Add(new(PriceStepKind.MinimumPrice, minimum.Value, 0m, minimum.RuleId));
                    if (net < minimum.Value)
                        problems.Add(at + "price", PricingCodes.BelowMinimum,
                            $"Preço líquido {net} abaixo do valor mínimo {minimum.Value} (regra {minimum.RuleId}).");
                }
                draft.UnitPrice = price;
                draft.NetUnitPrice = net;
                draft.Product = cents.ToCents(line.Quantity * price);
                var adjusted = cents.ToCents(line.Quantity * net) - draft.Product;
                draft.LineDiscount = Math.Max(0m, -adjusted);
                draft.Surcharge = Math.Max(0m, adjusted);
            }
            else
                problems.Add(NoRule(at + "list_price", "preço de lista", context.Date));

            draft.Steps = steps;
            draft.Warnings = warnings;
            orderWarnings.AddRange(warnings);
            var complete = true;
            var ipi = Required(sources.Ipi, context, at + "ipi", "IPI", ref problems, ref complete);
            var icms = Required(sources.Icms, context, at + "icms", "ICMS", ref problems, ref complete);
            var pisCofins = Required(sources.PisCofins, context, at + "pis_cofins", "PIS/COFINS", ref problems, ref complete);
            var ibsCbs = Required(sources.IbsCbs, context, at + "ibs_cbs", "CBS/IBS", ref problems, ref complete);
            DifalParameters? difal = null;
            if (recipient.SellerOwesDifal)
            {
                var d = Required(sources.Difal, context, at + "difal", "DIFAL", ref problems, ref complete);
                difal = d.Value with { Source = d.RuleId };
            }
            draft.Taxes = new TaxParameters(
                recipient,
                ipi.Value with { Source = ipi.RuleId },
                icms.Value with { Source = icms.RuleId },
                pisCofins.Value with { Source = pisCofins.RuleId },
                ibsCbs.Value with { Source = ibsCbs.RuleId },
                sources.IcmsSt is { } st && st.TryResolve(context, out var stRule) ? stRule.Value with { Source = stRule.RuleId } : null,
                difal,
                sources.Rounding);
            if (complete)
                problems.AddRange(ItemTaxCalculator.Validate(draft.Taxes).Items, at);
            return draft;
        }

        private static Resolved<T> Required<T>(IResolver<T>? resolver, MatrixContext context, string field, string matrix, ref ProblemCollector problems, ref bool complete)
        {
            if (resolver is not null && resolver.TryResolve(context, out var resolved))
                return resolved;
            problems.Add(NoRule(field, matrix, context.Date));
            complete = false;
            return default;
        }

        private static Problem NoRule(string field, string matrix, NodaTime.LocalDate date) =>
            new(field, PricingCodes.NoRule, $"Nenhuma regra da matriz de {matrix} se aplica em {date:dd/MM/yyyy}.");
    }
}
