using Crm.Domain.Catalog;
using Crm.Domain.Pricing;
using Crm.Domain.Problems;
using Crm.Domain.Registry;

namespace Crm.Domain.Orders;

/// <summary>
/// The sale problems of seed 003 ("Itens com problema de venda"), each reported on its item with the reason: catalog rules
/// (product, units, quantities, stock, lots, quotas, programming, promise date), the pricing pipeline's problems (matrix,
/// unit × product matrix, minimum value, payment condition) and the margins.
/// </summary>
internal static class SaleRules
{
    public static SaleCheck Check(SalesOrder order, SaleContext context)
    {
        var problems = new ProblemCollector();
        var open = order.Items.Where(i => i.IsOpen).ToArray();
        if (open.Length == 0)
            return new SaleCheck([new Problem("items", OrderCodes.NoItems, "O pedido não tem itens.")], null);
        var catalog = context.Catalog;
        var header = order.Header;
        var claimed = new Dictionary<(string, string), decimal>();
        var lotsClaimed = new Dictionary<(string, string, string), decimal>();
        var quotasClaimed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var products = new Product?[open.Length]; // each item's product, looked up once for the rules, the pricing and the margins
        for (var i = 0; i < open.Length; i++)
        {
            var item = open[i];
            if ((products[i] = catalog.Find(item.Product)) is not { } product)
            {
                problems.Add(new(At(item, "product"), OrderCodes.UnknownProduct, $"Produto {item.Product} não cadastrado."));
                continue;
            }
            if (product.Status == ProductStatus.Blocked)
                problems.Add(new(At(item, "product"), OrderCodes.Blocked, $"Produto {item.Product} bloqueado para venda."));
            else if (product.Status == ProductStatus.Inactive)
                problems.Add(new(At(item, "product"), OrderCodes.Inactive, $"Produto {item.Product} inativo."));
            if (item.BaseQuantity is not { } quantity)
            {
                problems.Add(new(At(item, "unit"), OrderCodes.ConversionNotFound,
                    $"Fator de conversão de {item.Unit} para {product.BaseUnit} não encontrado para o produto {item.Product}."));
                continue;
            }
            if (product.MinimumQuantity is { } minimum && quantity < minimum)
                problems.Add(new(At(item, "quantity"), OrderCodes.BelowMinimumQuantity, $"Quantidade {quantity} {product.BaseUnit} abaixo da mínima de {minimum}."));
            if (product.MultipleQuantity is { } multiple && quantity % multiple != 0m)
                problems.Add(new(At(item, "quantity"), OrderCodes.NotMultiple, $"Quantidade {quantity} {product.BaseUnit} não é múltipla de {multiple}."));
            var onHand = catalog.OnHand(item.Product, item.Warehouse);
            Stock(item, product, quantity, onHand, header.IssueDate, catalog, claimed, ref problems);
            Programming(item, product, quantity, onHand ?? 0m, context, ref problems);
            Lot(item, quantity, context, lotsClaimed, ref problems);
            Quota(item, quantity, order, catalog, quotasClaimed, ref problems);
        }
        var pricing = Price(order, open, products, context, ref problems);
        if (pricing is not null)
            for (var i = 0; i < open.Length; i++)
            {
                var margins = Negotiation(order, open[i], products[i], pricing.Lines[i], context, ref problems);
                if (margins is not null)
                    Margin(open[i], products[i], pricing.Lines[i], margins, context, ref problems);
            }
        return new SaleCheck(problems.Items, pricing);
    }

    /// <summary>
    /// The negotiation scenario of an item (the negotiation matrix on the order's context and the item's product): the order
    /// must sell from the scenario's price table, the seller's discount (a new price below the table compounded) may not pass
    /// the scenario's largest, and the contribution margin may not fall below the scenario's minimum. Returns the margin range
    /// the item is checked against: the context's, its minimum contribution raised to the scenario's.
    /// </summary>
    private static MarginRange? Negotiation(SalesOrder order, OrderItem item, Product? product, LinePricing line, SaleContext context, ref ProblemCollector problems)
    {
        var resolution = context.Pricing.Negotiation?.Resolve(order.Header.Context() with
        {
            Product = item.Product, ProductLine = product?.Line, Unit = item.Unit, Quantity = item.Quantity,
        }) ?? Resolution<Matrices.Commercial.NegotiationRule>.None;
        foreach (var problem in resolution.Problems)
            problems.Add(new(At(item, "negotiation"), OrderCodes.MatrixProblem, $"{problem.Message} ({problem.Code})", problem.Severity));
        if (!resolution.Found)
            return context.Margins;
        var scenario = resolution.Value;
        if (!string.Equals(scenario.PriceTable, order.Header.PriceTable, StringComparison.Ordinal))
            problems.Add(new(At(item, "price_table"), OrderCodes.NegotiationPriceTable,
                $"O cenário {scenario.Scenario} (regra {resolution.RuleId}) vende pela tabela {scenario.PriceTable}; o pedido usa a tabela {order.Header.PriceTable}."));
        var discount = Values(line).SellerDiscount(item.Discount);
        if (discount > scenario.MaximumDiscountRate)
            problems.Add(new(At(item, "discount"), OrderCodes.NegotiationDiscount,
                $"Desconto de {OrderItem.Text(discount)} % acima do máximo de {OrderItem.Text(scenario.MaximumDiscountRate)} % do cenário {scenario.Scenario} (regra {resolution.RuleId})."));
        if (scenario.MinimumMarginRate is not { } minimum || context.Margins?.MinimumContribution >= minimum)
            return context.Margins;
        return (context.Margins ?? new MarginRange()) with { MinimumContribution = minimum };
    }

    /// <summary>
    /// The request the Pricer gets for the open items and their <paramref name="products"/>, in order; a product unknown to
    /// the catalog goes with a blank NCM (reported as a matrix problem).
    /// </summary>
    private static OrderRequest Request(SalesOrder order, OrderItem[] open, Product?[] products)
    {
        var header = order.Header;
        return new OrderRequest
        {
            Header = header.Context(),
            RecipientIe = header.RecipientIe,
            FinalConsumer = header.FinalConsumer,
            Freight = order.Freight,
            Discount = order.Discount,
            Lines = open.Select((item, i) =>
            {
                var product = products[i];
                return new LineRequest
                {
                    Product = item.Product,
                    Ncm = product?.Fiscal.Ncm ?? "",
                    Quantity = item.Quantity,
                    Unit = item.Unit,
                    SellerDiscount = item.Discount,
                    NewPrice = item.NewPrice,
                    ProductLine = product?.Line,
                    Cest = product?.Fiscal.ParsedCest,
                    Origin = product?.Fiscal.Origin,
                    TaxableUnitsPerUnit = product?.Fiscal.TaxableUnit is { } taxable && product.FactorOf(item.Unit) is { } sold
                        ? sold / product.FactorOf(taxable)
                        : null,
                };
            }).ToArray(),
        };
    }

    private static OrderPricing? Price(SalesOrder order, OrderItem[] open, Product?[] products, SaleContext context, ref ProblemCollector problems)
    {
        var result = Pricer.PriceOrder(Request(order, open, products), context.Pricing);
        if (result.IsValid)
            return result.AsT0;
        foreach (var problem in result.Problems)
        {
            if (problem.Code == PricingCodes.NeedsApproval)
                continue; // approvals are the order's own step (Submit)
            var (field, tail) = Place(problem.Field, open);
            var code = problem.Code switch
            {
                PricingCodes.UnitConversionMissing or PricingCodes.QuantityMultiple => OrderCodes.UnitProductMatrix,
                PricingCodes.BelowMinimum => OrderCodes.MinimumPrice,
                PricingCodes.BelowMinimumOrder => OrderCodes.MinimumOrderValue,
                PricingCodes.PaymentConditionNotAllowed => OrderCodes.PaymentCondition,
                _ => OrderCodes.MatrixProblem,
            };
            problems.Add(new(tail.Length == 0 ? field : $"{field}.{tail}", code, $"{problem.Message} ({problem.Code})", problem.Severity));
        }
        return null;
    }

    /// <summary>A pricer field <c>lines[i].x</c> as the item's <c>items[N]</c> and <c>x</c>; order-level fields stay as they are.</summary>
    private static (string Field, string Tail) Place(string field, OrderItem[] open)
    {
        if (!field.StartsWith("lines[", StringComparison.Ordinal))
            return (field, "");
        var close = field.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(field.AsSpan(6, close - 6), System.Globalization.CultureInfo.InvariantCulture);
        return ($"items[{open[index].Number}]", close + 2 <= field.Length ? field[(close + 2)..] : "");
    }

    /// <summary>The field <c>items[N].name</c> of <paramref name="item"/>, written only when a problem is reported.</summary>
    private static string At(OrderItem item, string name) => $"items[{item.Number}].{name}";

    private static void Stock(
        OrderItem item, Product product, decimal quantity, decimal? stock, NodaTime.LocalDate date, ProductCatalog catalog,
        Dictionary<(string, string), decimal> claimed, ref ProblemCollector problems)
    {
        if (stock is not { } onHand)
        {
            if (product.LeadTimeDays == 0)
            {
                problems.Add(new(At(item, "warehouse"), OrderCodes.NotInWarehouse, $"Produto {item.Product} não existe no armazém {item.Warehouse}."));
                return;
            }
            onHand = 0m;
        }
        var key = (item.Product, item.Warehouse);
        var need = claimed.GetValueOrDefault(key) + quantity; // earlier items of the order take the stock first
        claimed[key] = need;
        if (need <= onHand)
        {
            if (item.PromiseDate < date)
                problems.Add(new(At(item, "promise_date"), OrderCodes.PromiseDate, $"Data de promessa {item.PromiseDate} anterior à emissão {date}."));
            return;
        }
        var promise = catalog.Promise(item.Product, item.Warehouse, need, date);
        if (product.LeadTimeDays > 0)
            problems.Add(new(At(item, "quantity"), OrderCodes.LeadTime,
                $"Estoque de {onHand} não atende {need}: item com lead time de {product.LeadTimeDays} dias, entrega a partir de {promise}.", Severity.Warning));
        else if (promise is null)
        {
            problems.Add(new(At(item, "quantity"), OrderCodes.NoStock, $"Sem estoque: {onHand} {product.BaseUnit} no armazém {item.Warehouse} para {need}."));
            return;
        }
        if (item.PromiseDate is { } asked && (asked < promise || asked < date))
            problems.Add(new(At(item, "promise_date"), OrderCodes.PromiseDate, $"Data de promessa {asked} não pode ser cumprida: o estoque permite {promise}."));
    }

    private static void Programming(OrderItem item, Product product, decimal quantity, decimal onHand, SaleContext context, ref ProblemCollector problems)
    {
        if (item.Schedule.Count == 0)
            return;
        var factor = quantity / item.Quantity;
        if (item.Schedule.Sum(d => d.Quantity) != item.Quantity)
            problems.Add(new(At(item, "schedule"), OrderCodes.ProgrammingQuantity,
                $"A programação soma {item.Schedule.Sum(d => d.Quantity)}, mas o item tem {item.Quantity} {item.Unit}."));
        var due = 0m;
        foreach (var delivery in item.Schedule.OrderBy(d => d.Date))
        {
            if (delivery.Date < context.Today)
            {
                problems.Add(new(At(item, "schedule"), OrderCodes.ProgrammingExpired, $"Programação de {delivery.Date} vencida (hoje é {context.Today})."));
                continue;
            }
            due += delivery.Quantity * factor;
            var available = onHand + context.Catalog.Programmed(item.Product, item.Warehouse, context.Today, delivery.Date);
            if (due > available && product.LeadTimeDays == 0)
                problems.Add(new(At(item, "schedule"), OrderCodes.ProgrammingNoStock,
                    $"Programação de {delivery.Date}: {due} {product.BaseUnit} a entregar e {available} disponíveis até a data."));
        }
    }

    private static void Lot(OrderItem item, decimal quantity, SaleContext context, Dictionary<(string, string, string), decimal> claimed, ref ProblemCollector problems)
    {
        if (item.Lot is not { } code)
            return;
        if (context.Catalog.FindLot(item.Product, item.Warehouse, code) is not { } lot)
        {
            problems.Add(new(At(item, "lot"), OrderCodes.LotNotFound, $"Lote {code} não encontrado no armazém {item.Warehouse}."));
            return;
        }
        var key = (item.Product, item.Warehouse, code);
        var need = claimed[key] = claimed.GetValueOrDefault(key) + quantity;
        if (!lot.IsValidOn(context.Today))
            problems.Add(new(At(item, "lot"), OrderCodes.LotNoStock, $"Lote {code} vencido em {lot.Expiry}."));
        else if (need > lot.Quantity)
            problems.Add(new(At(item, "lot"), OrderCodes.LotNoStock, $"Lote {code} sem estoque: {lot.Quantity} para {need}."));
    }

    private static void Quota(
        OrderItem item, decimal quantity, SalesOrder order, ProductCatalog catalog, Dictionary<string, decimal> claimed, ref ProblemCollector problems)
    {
        if (item.Quota is not { } code)
            return;
        var quota = catalog.FindQuota(code);
        if (quota is null || !string.Equals(quota.Product, item.Product, StringComparison.Ordinal)
            || !quota.AppliesTo(order.Header.Seller, order.Header.CustomerCode, order.Header.IssueDate))
        {
            problems.Add(new(At(item, "quota"), OrderCodes.Quota, quota is null
                ? $"Cota {code} não cadastrada."
                : $"Cota {code} não se aplica a este produto, vendedor, cliente ou data."));
            return;
        }
        var need = claimed[code] = claimed.GetValueOrDefault(code) + quantity;
        if (need > quota.Remaining)
            problems.Add(new(At(item, "quota"), OrderCodes.Quota, $"Cota {code} com saldo de {quota.Remaining} para {need}."));
    }

    private static void Margin(OrderItem item, Product? product, LinePricing line, MarginRange range, SaleContext context, ref ProblemCollector problems)
    {
        if (product?.CostOn(context.Today) is not { } cost || item.BaseQuantity is not { } quantity)
            return;
        ref readonly var taxes = ref line.Taxes.Values;
        var value = taxes.Product - taxes.Discount; // the item's net value, as ItemValues.NetValue
        if (value <= 0m)
            return;
        var costs = cost * quantity;
        var salesTaxes = taxes.Icms + taxes.Pis + taxes.Cofins;
        // a margin is a division: computed when a bound is set or a problem reports it
        var grossOut = (range.MinimumGross is not null || range.MaximumGross is not null)
                       && MarginOf(value, costs, value) is var g && (g < range.MinimumGross || g > range.MaximumGross);
        var contributionOut = range.MinimumContribution is { } minimum && MarginOf(value - salesTaxes, costs, value) < minimum;
        if (grossOut || contributionOut)
        {
            var (gross, contribution) = (MarginOf(value, costs, value), MarginOf(value - salesTaxes, costs, value));
            problems.Add(new(At(item, "margin"), OrderCodes.MarginOutOfRange,
                $"MB {gross} % / MC {contribution} % fora da faixa (MB {Bound(range.MinimumGross)} a {Bound(range.MaximumGross)} %, MC mínima {Bound(range.MinimumContribution)} %)."));
        }
    }

    /// <summary>(<paramref name="revenue"/> − <paramref name="costs"/>) in % of <paramref name="value"/>, to 2 places: MB on the net value, MC on it less the sales taxes.</summary>
    private static decimal MarginOf(decimal revenue, decimal costs, decimal value) => decimal.Round((revenue - costs) / value * 100m, 2);

    private static string Bound(decimal? bound) => bound is { } b ? OrderItem.Text(b) : "…";

    /// <summary>An item's values from its line of the pricing.</summary>
    public static ItemValues Values(LinePricing line)
    {
        var taxes = line.Taxes;
        var table = line.Steps.LastOrDefault(s => s.Kind is PriceStepKind.ListPrice or PriceStepKind.CustomerPrice or PriceStepKind.Promotion
            or PriceStepKind.PisCofinsRepasse or PriceStepKind.IcmsGrossUp).UnitPrice;
        return new ItemValues(
            line.Steps[0].UnitPrice, table, line.UnitPrice, line.NetUnitPrice, taxes.Product, taxes.Discount, taxes.Freight,
            taxes.Icms.Value + taxes.Pis.Value + taxes.Cofins.Value, line.Total)
        {
            Insurance = taxes.Insurance,
            OtherExpenses = taxes.OtherExpenses,
            Taxes = ItemTaxes.From(taxes),
            CommissionRate = line.Commission.Rate,
            Commission = line.Commission.Amount,
        };
    }
}
