using System.Buffers;
using System.Runtime.CompilerServices;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;

namespace Crm.Domain.Pricing;

/// <summary>
/// Prices an order line by line: list price → customer/table price → promotion → PIS/COFINS repasse → ICMS "por
/// dentro" gross-up (<see cref="PricingSources.IcmsGrossUp"/>) → discount/surcharge matrix → payment condition's financial surcharge → seller's discount (checked against the
/// role's limit) → minimum value → taxes, after checking the unit × product and customer × payment condition matrices. Then it checks the minimum order
/// value, sets the freight from the freight matrix when the order does not give it, apportions the document's
/// freight, insurance, other expenses and discount over the lines by value (<see cref="Apportionment"/>, residual cents
/// as <see cref="PricingSources.ApportionmentResidual"/> says) and
/// computes each line's taxes (<see cref="ItemTaxCalculator"/>). Every step quotes the rule that decided it;
/// tax resolvers put the id of their rule in the parameters' <c>Source</c> (a parameter set without one is reported).
/// </summary>
public static class Pricer
{
    private const string Seller = "seller";

    /// <summary>Prices the order, or lists every problem of the order and of every line (fields like <c>lines[3].icms</c>).</summary>
    public static Outcome<OrderPricing> PriceOrder(OrderRequest order, PricingSources sources)
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
        if (order.Freight is { } given)
            Apportionment.CheckAmount(ref problems, "freight", given);
        Apportionment.CheckAmount(ref problems, "insurance", order.Insurance);
        Apportionment.CheckAmount(ref problems, "other_expenses", order.OtherExpenses);
        Apportionment.CheckAmount(ref problems, "discount", order.Discount);
        if (order.Lines.Count == 0)
            problems.Add("lines", PricingCodes.Input, "O pedido não tem itens.");

        // A draft holds every tax's parameters (~0.6 KB): a big order's drafts would be a large-object-heap array per
        // call, so they live in a pooled one, cleared on return so that it keeps nothing of the order alive.
        var pooled = ArrayPool<Draft>.Shared.Rent(order.Lines.Count);
        var drafts = pooled.AsSpan(0, order.Lines.Count);
        try
        {
            return Price(order, sources, drafts, recipient, ref problems);
        }
        finally
        {
            drafts.Clear();
            ArrayPool<Draft>.Shared.Return(pooled);
        }
    }

    private static Outcome<OrderPricing> Price(OrderRequest order, PricingSources sources, Span<Draft> drafts, Recipient recipient, ref ProblemCollector problems)
    {
        var header = order.Header;
        var warnings = new ProblemCollector();
        var merchandise = 0m;
        var quantity = 0m;
        var contexts = new LineContexts(sources, drafts.Length, i => Draft.Context(header, order.Lines[i]));
        for (var i = 0; i < drafts.Length; i++)
        {
            ref var draft = ref drafts[i];
            draft = Draft.Build(order, i, contexts[i], recipient, sources, ref problems, ref warnings);
            merchandise += draft.Product - draft.LineDiscount + draft.Surcharge;
            quantity += draft.Quantity;
        }
        if (Resolve(sources.MinimumOrderValue, header, Place.Order, ref problems) is { Found: true } minimum && merchandise < minimum.Value)
            problems.Add("minimum_order_value", PricingCodes.BelowMinimumOrder,
                $"Valor do pedido {merchandise} abaixo do mínimo {minimum.Value} (regra {minimum.RuleId}).");
        var (freightAmount, freightRule) = order.Freight is { } fixedFreight
            ? (fixedFreight, null)
            : Freight(sources, header, merchandise, quantity, ref problems);
        if (problems.HasProblems)
            return Failure(ref problems, ref warnings);

        var weights = new decimal[drafts.Length];
        for (var i = 0; i < drafts.Length; i++)
            weights[i] = drafts[i].Product;
        decimal[]? zeros = null;
        var residual = sources.ApportionmentResidual;
        var freight = Split(freightAmount, "freight", weights, residual, ref zeros, ref problems);
        var insurance = Split(order.Insurance, "insurance", weights, residual, ref zeros, ref problems);
        var other = Split(order.OtherExpenses, "other_expenses", weights, residual, ref zeros, ref problems);
        var discount = Split(order.Discount, "discount", weights, residual, ref zeros, ref problems);
        if (problems.HasProblems)
            return Failure(ref problems, ref warnings);

        var lines = new LinePricing[drafts.Length];
        var breakdowns = new TaxBreakdown[drafts.Length];
        var totals = default(OrderTotals);
        for (var i = 0; i < drafts.Length; i++)
        {
            ref readonly var d = ref drafts[i];
            var (lineOther, lineDiscount) = (other[i] + d.Surcharge, discount[i] + d.LineDiscount);
            var check = TaxItem.Check(d.Quantity, d.UnitPrice, freight[i], insurance[i], lineOther, lineDiscount);
            if (check.HasProblems)
            {
                problems.AddRange(check.Items, new Place(i).Prefix);
                continue;
            }
            var item = TaxItem.Checked(d.Quantity, d.UnitPrice, freight[i], insurance[i], lineOther, lineDiscount, d.TaxableUnitsPerUnit);
            breakdowns[i] = ItemTaxCalculator.Compute(item, d.Taxes);
            totals = totals.Add(breakdowns[i]);
        }
        if (problems.HasProblems)
            return Failure(ref problems, ref warnings);
        var commissions = Commissions(breakdowns, drafts);
        for (var i = 0; i < drafts.Length; i++)
        {
            ref readonly var d = ref drafts[i];
            lines[i] = new LinePricing(d.ProductCode, d.Steps, d.UnitPrice, d.NetUnitPrice, breakdowns[i], d.Warnings, commissions[i]);
        }
        return new OrderPricing(lines, totals, freightRule);
    }

    /// <summary>The freight matrix's charge for the whole order, or zero without a rule or above its free-freight value.</summary>
    /// <summary>
    /// Each line's commission (TAXES.md §4: on vProd − vDesc + vOutro): the order's exact commission rounded to cents once,
    /// each line given its exact amount truncated to cents and the cents left over going to the lines with the largest
    /// remainders (ties to the earlier line), so the lines add up to the order's commission.
    /// </summary>
    private static LineCommission[] Commissions(TaxBreakdown[] breakdowns, ReadOnlySpan<Draft> drafts)
    {
        var commissions = new LineCommission[breakdowns.Length];
        var cents = new decimal[breakdowns.Length]; // each line's exact commission in cents
        var remainders = new List<(decimal Remainder, int Line)>();
        var (total, truncated) = (0m, 0m);
        for (var i = 0; i < breakdowns.Length; i++)
        {
            if (drafts[i].CommissionRule is null)
                continue;
            ref readonly var values = ref breakdowns[i].Values;
            cents[i] = (values.Product - values.Discount + values.OtherExpenses) * drafts[i].CommissionRate;
            total += cents[i];
            truncated += decimal.Floor(cents[i]);
            remainders.Add((cents[i] - decimal.Floor(cents[i]), i));
        }
        remainders.Sort((a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Line.CompareTo(b.Line));
        var left = (int)(decimal.Round(total, MidpointRounding.AwayFromZero) - truncated);
        for (var k = 0; k < left; k++)
            cents[remainders[k].Line] = decimal.Floor(cents[remainders[k].Line]) + 1m;
        for (var i = 0; i < breakdowns.Length; i++)
            if (drafts[i].CommissionRule is { } rule)
            {
                ref readonly var values = ref breakdowns[i].Values;
                commissions[i] = new LineCommission(drafts[i].CommissionRate, values.Product - values.Discount + values.OtherExpenses,
                    decimal.Floor(cents[i]) / 100m, rule);
            }
        return commissions;
    }

    private static (decimal Amount, string? RuleId) Freight(PricingSources sources, MatrixContext header, decimal merchandise, decimal quantity, ref ProblemCollector problems)
    {
        if (Resolve(sources.Freight, header, Place.Order, ref problems) is not { Found: true } found)
            return (0m, null);
        var rule = found.Value;
        var amount = rule.IsFreeFor(merchandise) ? 0m : rule.Charge switch
        {
            FreightCharge.PercentOfValue => merchandise * rule.Value * 0.01m,
            FreightCharge.PerUnit => quantity * rule.Value,
            _ => rule.Value,
        };
        return (sources.Rounding.Product.ToCents(amount), found.RuleId);
    }

    /// <summary>Resolves an optional source, reporting the problems it explains its silence with.</summary>
    private static Resolution<T> Resolve<T>(IResolver<T>? resolver, MatrixContext context, Place at, ref ProblemCollector problems)
    {
        if (resolver is null)
            return Resolution<T>.None;
        var resolution = resolver.Resolve(context);
        if (resolution.Problems.Count > 0)
            problems.AddRange(resolution.Problems, at.Prefix);
        return resolution;
    }

    /// <summary>Where problems go: the order, or line i (<c>lines[i].</c>, a prefix built only when a problem is reported).</summary>
    private readonly record struct Place(int? Line)
    {
        public static Place Order => new(null);

        public string Prefix => Line is { } i ? $"lines[{i}]." : "";

        public string Field(string name) => Prefix + name;
    }

    /// <summary>Slots of a line's step buffer: one per <see cref="PriceStepKind"/>, the last kind being <see cref="PriceStepKind.NewPrice"/>.</summary>
    internal const int StepSlots = (int)PriceStepKind.NewPrice + 1;

    /// <summary>A line's steps (at most one of each kind) gathered inline, then copied once into an array of the right size.</summary>
    private struct StepList
    {
        private Buffer _steps;
        private int _count;

        public void Add(PriceStep step) => _steps[_count++] = step;

        public readonly PriceStep[] ToArray() => ((ReadOnlySpan<PriceStep>)_steps)[.._count].ToArray();

        /// <summary>One slot per <see cref="PriceStepKind"/> (PricerTests checks the count against the enum).</summary>
        [InlineArray(StepSlots)]
        private struct Buffer
        {
            private PriceStep _first;
        }
    }

    private static Outcome<OrderPricing> Failure(ref ProblemCollector problems, ref ProblemCollector warnings)
    {
        problems.AddRange(warnings.Items);
        return problems.ToInvalid();
    }

    /// <summary>The shares of <paramref name="amount"/> by weight; a zero amount's are <paramref name="zeros"/>, one array for all of them (only read).</summary>
    private static decimal[] Split(
        decimal amount, string field, decimal[] weights, ApportionmentResidual residual, ref decimal[]? zeros, ref ProblemCollector problems)
    {
        if (amount == 0m)
            return zeros ??= new decimal[weights.Length];
        var shares = new decimal[weights.Length];
        var check = Apportionment.Check(amount, weights.Length, i => weights[i], field, "lines.value");
        if (check.HasProblems)
            problems.AddRange(check.Items);
        else
            Apportionment.SplitChecked(amount, weights, shares, residual);
        return shares;
    }

    /// <summary>
    /// A line after its price steps and tax parameters were resolved, before the document amounts are apportioned
    /// (a struct: the order keeps all of them in one array).
    /// </summary>
    private struct Draft
    {
        public string ProductCode;
        public decimal Quantity;
        public decimal TaxableUnitsPerUnit;
        public decimal UnitPrice;
        public decimal NetUnitPrice;
        public decimal Product;
        public decimal LineDiscount;
        public decimal Surcharge;
        public TaxParameters Taxes;
        public IReadOnlyList<PriceStep> Steps;
        public IReadOnlyList<Problem> Warnings;
        public decimal CommissionRate;
        public string? CommissionRule;

        /// <summary>What the matrices know of a line: the order's header with the line's product, its NCM (null when invalid) and quantity.</summary>
        public static MatrixContext Context(MatrixContext header, LineRequest line) => header with
        {
            Product = line.Product,
            ProductLine = line.ProductLine,
            Cest = line.Cest,
            ProductOrigin = line.Origin,
            Unit = line.Unit,
            Ncm = Ncm.TryParse(line.Ncm, out var ncm) ? ncm : null,
            Quantity = line.Quantity,
        };

        public static Draft Build(
            OrderRequest order, int index, MatrixContext context, Recipient recipient, PricingSources sources, ref ProblemCollector problems, ref ProblemCollector orderWarnings)
        {
            var line = order.Lines[index];
            var at = new Place(index);
            var draft = new Draft { ProductCode = line.Product, Quantity = line.Quantity, TaxableUnitsPerUnit = line.TaxableUnitsPerUnit ?? 0m, Steps = [], Warnings = [] };
            if (line.Quantity <= 0m)
                problems.Add(at.Field("quantity"), PricingCodes.Input, $"Quantidade {line.Quantity} deve ser maior que zero.");
            if (line.TaxableUnitsPerUnit is < 0m)
                problems.Add(at.Field("taxable_units_per_unit"), PricingCodes.Input, $"Unidades tributáveis por unidade vendida {line.TaxableUnitsPerUnit} não podem ser negativas.");
            if (line.NewPrice is <= 0m)
                problems.Add(at.Field("new_price"), PricingCodes.Input, $"Novo preço {line.NewPrice} deve ser maior que zero.");
            if (line.SellerDiscount is < 0m or >= 100m)
                problems.Add(at.Field("seller_discount"), PricingCodes.Input, $"Desconto {line.SellerDiscount} % fora do intervalo [0, 100).");
            if (context.Ncm is null)
                problems.Add(at.Field("ncm"), PricingCodes.Ncm, $"NCM '{line.Ncm}' inválido: {string.Join("; ", Ncm.Parse(line.Ncm).Problems.Select(p => p.Message))}");

            var payment = CheckUnitAndPayment(line, context, sources, at, ref problems);
            if (Resolve(sources.Commission, context, at, ref problems) is { Found: true } commission)
                (draft.CommissionRate, draft.CommissionRule) = (commission.Value, commission.RuleId);
            var list = Resolve(sources.ListPrice, context, at, ref problems);
            if (!list.Found && list.Problems.Count == 0)
                problems.Add(NoRule(at.Field("list_price"), "preço de lista", context.Date));
            // the taxes first: a "por dentro" gross-up of the price needs the line's ICMS
            draft.Taxes = TaxParameters(context, recipient, sources, at, ref problems, out var taxesComplete);
            if (list.Found)
                draft.Price(line, context, list, payment, sources, taxesComplete ? IcmsGrossUp(sources, draft.Taxes) : null, at, ref problems, order.Header.Role);
            orderWarnings.AddRange(draft.Warnings);
            return draft;
        }

        /// <summary>
        /// The ICMS "por dentro" gross-up of a line whose price tables are net of ICMS (<see cref="PricingSources.IcmsGrossUp"/>):
        /// the ICMS and FCP the line's own value will bear, as a percentage of it; null when nothing is to be grossed up.
        /// </summary>
        private static PriceStep? IcmsGrossUp(PricingSources sources, in TaxParameters taxes) =>
            sources.IcmsGrossUp && ItemTaxCalculator.OwnIcmsShare(taxes) is > 0m and var share
                ? new PriceStep(PriceStepKind.IcmsGrossUp, 0m, share, taxes.Icms.Source)
                : null;

        private void Price(
            LineRequest line, MatrixContext context, Resolution<decimal> list, Resolution<CustomerPaymentConditionRule> payment,
            PricingSources sources, PriceStep? icmsGrossUp, Place at, ref ProblemCollector problems, string? role)
        {
            // vUnCom keeps up to 10 places (NF-e I10): only vProd = quantity × unit price is rounded to cents
            var policy = sources.Rounding.Product;
            decimal Unit(decimal value) => policy.ToPlaces(value, RoundingPolicyExtensions.UnitPricePlaces);
            var steps = new StepList();
            var price = Unit(list.Value);
            steps.Add(new(PriceStepKind.ListPrice, price, 0m, list.RuleId));
            if (Resolve(sources.CustomerPrice, context, at, ref problems) is { Found: true } customer)
                steps.Add(new(PriceStepKind.CustomerPrice, price = Unit(customer.Value), 0m, customer.RuleId));
            if (line.NewPrice is { } typed)
            {
                // the seller's own price is the invoice price: no promotion, repasse or gross-up is applied on top of it
                var manual = Unit(typed);
                steps.Add(new(PriceStepKind.NewPrice, manual, price == 0m ? 0m : Unit((manual / price - 1m) * 100m), Seller));
                price = manual;
            }
            else
            {
                if (Resolve(sources.Promotion, context, at, ref problems) is { Found: true } promotion)
                    steps.Add(new(PriceStepKind.Promotion, price = Unit(price * (1m - promotion.Value * 0.01m)), -promotion.Value, promotion.RuleId));
                if (Resolve(sources.PisCofinsRepasse, context, at, ref problems) is { Found: true } repasse)
                {
                    var share = repasse.Value.PisRate + repasse.Value.CofinsRate;
                    steps.Add(new(PriceStepKind.PisCofinsRepasse, price = Unit(repasse.Value.Apply(price)),
                        repasse.Value.Kind == RepasseKind.GrossUp ? share : -share, repasse.RuleId));
                }
                if (icmsGrossUp is { } grossUp) // TAXES.md §1.3: gross = net / (1 − pICMS)
                    steps.Add(new(grossUp.Kind, price = Unit(price / (1m - grossUp.Percent * 0.01m)), grossUp.Percent, grossUp.RuleId));
            }
            var net = price;
            if (Resolve(sources.DiscountSurcharge, context, at, ref problems) is { Found: true } adjustment)
                steps.Add(new(PriceStepKind.DiscountSurcharge, net = Unit(net * (1m + adjustment.Value * 0.01m)), adjustment.Value, adjustment.RuleId));
            if (payment is { Found: true, Value.FinancialSurchargeRate: > 0m })
                steps.Add(new(PriceStepKind.PaymentCondition, net = Unit(net * (1m + payment.Value.FinancialSurchargeRate * 0.01m)),
                    payment.Value.FinancialSurchargeRate, payment.RuleId));
            if (line.SellerDiscount > 0m)
            {
                steps.Add(new(PriceStepKind.SellerDiscount, net = Unit(net * (1m - line.SellerDiscount * 0.01m)), -line.SellerDiscount, Seller));
                var limit = Resolve(sources.MaximumDiscount, context, at, ref problems);
                var maximum = limit.Found ? limit.Value : 0m;
                if (line.SellerDiscount > maximum)
                    Warnings = [new Problem(at.Field("seller_discount"), PricingCodes.NeedsApproval,
                        $"Desconto de {line.SellerDiscount} % acima do limite de {maximum} % do papel {role}" +
                        (limit.Found ? $" (regra {limit.RuleId})" : " (sem regra de alçada)") + ": requer aprovação.",
                        Severity.Warning)];
            }
            if (Resolve(sources.MinimumPrice, context, at, ref problems) is { Found: true } minimum)
            {
                steps.Add(new(PriceStepKind.MinimumPrice, minimum.Value, 0m, minimum.RuleId));
                if (net < minimum.Value)
                    problems.Add(at.Field("price"), PricingCodes.BelowMinimum, $"Preço líquido {net} abaixo do valor mínimo {minimum.Value} (regra {minimum.RuleId}).");
            }
            Steps = steps.ToArray();
            UnitPrice = price;
            NetUnitPrice = net;
            Product = policy.ToCents(line.Quantity * price);
            var adjusted = policy.ToCents(line.Quantity * net) - Product;
            LineDiscount = Math.Max(0m, -adjusted);
            Surcharge = Math.Max(0m, adjusted);
        }

        /// <summary>The unit × product matrix (conversion factor known, quantity a multiple) and the customer × payment condition matrix.</summary>
        private static Resolution<CustomerPaymentConditionRule> CheckUnitAndPayment(
            LineRequest line, MatrixContext context, PricingSources sources, Place at, ref ProblemCollector problems)
        {
            if (sources.UnitConversion is { } units && line.Unit is { } unit)
            {
                var conversion = Resolve(units, context, at, ref problems);
                if (!conversion.Found)
                    problems.Add(at.Field("unit"), PricingCodes.UnitConversionMissing, $"Fator de conversão da unidade {unit} não encontrado para {line.Product}.");
                else if (!conversion.Value.IsAllowedQuantity(line.Quantity))
                    problems.Add(at.Field("quantity"), PricingCodes.QuantityMultiple,
                        $"Quantidade {line.Quantity} não é múltipla de {conversion.Value.Multiple} (regra {conversion.RuleId}).");
            }
            var payment = Resolve(sources.PaymentCondition, context, at, ref problems);
            if (payment is { Found: true, Value.Allowed: false })
                problems.Add(at.Field("payment_condition"), PricingCodes.PaymentConditionNotAllowed,
                    $"Condição de pagamento {context.PaymentCondition} não permitida para o cliente {context.Customer} (regra {payment.RuleId}).");
            return payment;
        }

        private static TaxParameters TaxParameters(
            MatrixContext context, Recipient recipient, PricingSources sources, Place at, ref ProblemCollector problems, out bool complete)
        {
            complete = true;
            var ipi = Required(sources.Ipi, context, at, "ipi", "IPI", ref problems, ref complete);
            var icms = Required(sources.Icms, context, at, "icms", "ICMS", ref problems, ref complete);
            var pisCofins = Required(sources.PisCofins, context, at, "pis_cofins", "PIS/COFINS", ref problems, ref complete);
            var ibsCbs = Required(sources.IbsCbs, context, at, "ibs_cbs", "CBS/IBS", ref problems, ref complete);
            var st = Resolve(sources.IcmsSt, context, at, ref problems);
            DifalParameters? difal = null;
            if (recipient.SellerOwesDifal)
            {
                var d = Required(sources.Difal, context, at, "difal", "DIFAL", ref problems, ref complete);
                difal = d.Value;
            }
            var parameters = new TaxParameters(
                recipient,
                ipi.Value,
                icms.Value,
                pisCofins.Value,
                ibsCbs.Value,
                st.Found ? st.Value : null,
                difal,
                sources.Rounding);
            if (complete && ItemTaxCalculator.Validate(parameters) is { HasProblems: true } invalid)
            {
                problems.AddRange(invalid.Items, at.Prefix);
                complete = false;
            }
            return parameters;
        }

        private static Resolution<T> Required<T>(IResolver<T>? resolver, MatrixContext context, Place at, string field, string matrix, ref ProblemCollector problems, ref bool complete)
        {
            var resolution = Resolve(resolver, context, at, ref problems);
            if (!resolution.Found)
            {
                complete = false;
                if (resolution.Problems.Count == 0)
                    problems.Add(NoRule(at.Field(field), matrix, context.Date));
            }
            return resolution;
        }

        private static Problem NoRule(string field, string matrix, NodaTime.LocalDate date) =>
            new(field, PricingCodes.NoRule, $"Nenhuma regra da matriz de {matrix} se aplica em {date:dd/MM/yyyy}.");
    }
}
