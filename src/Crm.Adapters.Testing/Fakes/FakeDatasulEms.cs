using System.Globalization;
using Crm.Adapters.Datasul;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Mapping;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// A fake EMS serving <c>/api/cdp/v1/customerPublic</c> as documented (ERP.md §1.2): POST creates and numbers the customer
/// (<c>cod-emitente</c>), PUT updates it; <c>nome-abrev</c> (≤ 12) is unique and cannot change (<c>canUpdate=false</c>);
/// the required fields are <c>nome-abrev</c>, <c>nome-emit</c>, <c>endereco</c>, <c>pais</c>, <c>cod-gr-cli</c>,
/// <c>cod-rep</c> and <c>modalidade</c>. The ERP-owned fields (implantation, last sale, <c>nr-mesina</c>, credit) survive updates.
/// </summary>
public sealed class FakeDatasulEms : FakeErpEndpoint
{
    private readonly Dictionary<int, DatasulCustomer> _customers = [];
    private readonly Dictionary<int, DatasulOrderRow> _orders = [];
    private int _lastCode = 1000;
    private int _lastOrder = 5000;

    /// <inheritdoc />
    public override ErpId Erp => DatasulAdapter.Id;

    /// <summary>
    /// The master-data tables EMS lists (<see cref="DatasulMasterData"/>), each in code order as served; empty until a test
    /// fills them. Replace a whole list to change it.
    /// </summary>
    public IDictionary<DatasulMasterData, IReadOnlyList<FakeMasterRecord>> Tables { get; } =
        new System.Collections.Concurrent.ConcurrentDictionary<DatasulMasterData, IReadOnlyList<FakeMasterRecord>>();

    /// <summary>The records of <paramref name="list"/>.</summary>
    public IReadOnlyList<FakeMasterRecord> RecordsOf(DatasulMasterData list) => Tables.TryGetValue(list, out var records) ? records : [];

    /// <summary>
    /// Adds <paramref name="count"/> records of <paramref name="kind"/> to its table (<c>code</c> from 10001 on, <c>name</c>
    /// "{kind} {code}") and answers their codes. EMS lists representatives, carriers, payment conditions and price tables;
    /// another kind is an <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public IReadOnlyList<string> SeedMasterData(MasterDataKind kind, int count)
    {
        var list = kind switch
        {
            MasterDataKind.Representative => DatasulMasterData.Representatives,
            MasterDataKind.Carrier => DatasulMasterData.Carriers,
            MasterDataKind.PaymentCondition => DatasulMasterData.PaymentConditions,
            MasterDataKind.PriceTable => DatasulMasterData.PriceTables,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "EMS has no API listing it."),
        };
        var codes = NextCodes(kind, count);
        Locked(() => Tables[list] = [.. RecordsOf(list), .. codes.Select(c => new FakeMasterRecord(c, $"{kind} {c}"))]);
        return codes;
    }

    /// <summary>
    /// Adds <paramref name="count"/> customers EMS already holds (<see cref="TestAccounts.Customer"/>, as
    /// <see cref="DatasulAdapter"/> sends them, numbered by EMS) and answers their <c>cod-emitente</c>s.
    /// </summary>
    public IReadOnlyList<string> SeedCustomers(int count) => SeedCustomers(count, account => SeededCode(Apply(new DatasulAdapter().Prepare(account))));

    /// <summary>The customers, by <c>cod-emitente</c>.</summary>
    public IReadOnlyDictionary<int, DatasulCustomer> Customers => _customers;

    /// <summary>Records a sale and the customer's <c>nr-mesina</c>, as EMS invoicing and CM0102 would.</summary>
    public void RecordSale(int code, LocalDate lastSale, int monthsInactive) => Locked(() =>
        _customers[code] = _customers[code] with { LastSale = PayloadText.Iso(lastSale), MonthsInactive = monthsInactive });

    /// <summary>
    /// Sets the customer's credit as EMS keeps it: <c>ind-cre-cli</c>, <c>lim-credito</c>, <c>dt-lim-cred</c> and, when given, the
    /// open balance <paramref name="balance"/> (<c>CustomerBalance</c>, <c>val-sdo-atual</c>).
    /// </summary>
    public void RecordCredit(int code, int indicator, decimal limit, LocalDate? limitDate, decimal? balance = null) => Locked(() =>
        _customers[code] = _customers[code] with
        {
            Credit = indicator, CreditLimit = limit, CreditLimitDate = limitDate is { } d ? PayloadText.Iso(d) : null, CustomerBalance = balance,
        });

    /// <summary>The sales orders taken (<c>ordersPublic</c>), by <c>nr-pedido</c>, as the JSON answered.</summary>
    public IReadOnlyDictionary<int, string> Orders => _orders.ToDictionary(o => o.Key, o => o.Value.Json);

    /// <inheritdoc />
    protected override TransportResult Apply(ErpMessage message)
    {
        if (message.Resource == OrdersResource)
            return ApplyOrder(message);
        if (message.Resource != "customerPublic")
            return Reject([new Problem("", "datasul.ems.resource", $"EMS has no resource {message.Resource} here.")]);
        var customer = PayloadJson.Deserialize<DatasulCustomer>(message.Body);
        var problems = Required(customer).ToList();
        DatasulCustomer? stored = null;
        if (message.Operation == ErpOperation.Create)
        {
            if (customer.CustomerCode is not null)
                problems.Add(new Problem("CustomerCode", "datasul.ems.code_on_create", "cod-emitente é atribuído pelo EMS."));
            if (_customers.Values.Any(c => string.Equals(c.ShortName, customer.ShortName, StringComparison.OrdinalIgnoreCase)))
                problems.Add(new Problem("ShortName", "datasul.ems.short_name_taken", $"Já existe um emitente com nome abreviado {customer.ShortName}."));
        }
        else if (customer.CustomerCode is not { } code || !_customers.TryGetValue(code, out stored) || message.ErpCode != code.ToString(CultureInfo.InvariantCulture))
            problems.Add(new Problem("CustomerCode", "datasul.ems.unknown_customer", $"Emitente {message.ErpCode} não encontrado."));
        else if (!string.Equals(stored.ShortName, customer.ShortName, StringComparison.Ordinal))
            problems.Add(new Problem("ShortName", "datasul.ems.short_name_locked", "O nome abreviado não pode ser alterado (canUpdate=false)."));
        if (problems.Count > 0)
            return Reject(problems);

        var saved = stored is null
            ? customer with { CustomerCode = ++_lastCode }
            : customer with
            {
                ImplementationDate = stored.ImplementationDate, LastSale = stored.LastSale, MonthsInactive = stored.MonthsInactive,
                Credit = stored.Credit, CreditLimit = stored.CreditLimit, CreditLimitDate = stored.CreditLimitDate,
                CustomerBalance = stored.CustomerBalance,
            };
        _customers[saved.CustomerCode!.Value] = saved;
        return new Delivered(saved.CustomerCode.Value.ToString(CultureInfo.InvariantCulture), PayloadJson.Serialize(saved));
    }

    /// <summary>The resource of sales orders (<c>/api/pdp/v1/ordersPublic</c>).</summary>
    public const string OrdersResource = DatasulAdapter.OrderResource;

    /// <summary>
    /// Takes a sales order as <c>POST /api/pdp/v1/ordersPublic</c> does (ERP.md §1.2, TTALK <c>OrdersPublic_1_000</c>): the
    /// header's <c>nr-pedcli</c> (≤ 12), <c>dt-emissao</c>, <c>dt-implant</c> and <c>nome-abrev</c> (≤ 12, a customer EMS knows;
    /// with <c>cod-emitente</c> too, the same customer) are required, and <c>nome-abrev</c> + <c>nr-pedcli</c> is the order's
    /// key (taken once); <c>cod-estabel</c> ≤ 5, <c>nr-tabpre</c> ≤ 8, <c>observacoes</c> ≤ 2000, freight not negative; each
    /// item needs <c>it-codigo</c> (≤ 16), <c>vl-preori</c> and <c>qt-un-fat</c> above zero, <c>des-un-medida</c> ≤ 2, a
    /// sequence of its own, and its cents add up: <c>vl-liq-it</c> + discount = quantity × price in cents, and the header's
    /// <c>vl-liq-ped</c> = Σ <c>vl-liq-it</c>; each representative <c>nome-ab-rep</c> (≤ 12), <c>perc-comis</c> and
    /// <c>comis-emis</c> (0–100); the items' IPI and insurance, the header's insurance and <c>vl-tot-ped</c> follow
    /// <see cref="OrderTaxContract.Datasul(System.Text.Json.Nodes.JsonNode?)"/>. EMS numbers the order (<c>nr-pedido</c>) and opens it (<c>cod-sit-ped</c> 1, Aberto).
    /// </summary>
    private TransportResult ApplyOrder(ErpMessage message)
    {
        var fields = new OrderFields("datasul.order");
        if (message.Operation != ErpOperation.Create)
            return Reject([new Problem("", "datasul.order.operation", "Só a inclusão de pedidos é atendida aqui.")]);
        if (fields.Parse(message.Body) is not { } order)
            return Reject(fields.Problems);
        var customerOrder = fields.Text(order, "CustomerOrderId", 12, "CustomerOrderId");
        fields.Date(order, "EmissionDate", "EmissionDate");
        fields.Date(order, "ImplantationDate", "ImplantationDate");
        var shortName = fields.Text(order, "ShortName", 12, "ShortName");
        var customer = shortName is null ? null
            : _customers.Values.FirstOrDefault(c => string.Equals(c.ShortName, shortName, StringComparison.OrdinalIgnoreCase));
        if (shortName is not null && customer is null)
            fields.Problems.Add(new Problem("ShortName", "datasul.order.unknown_customer", $"Não há emitente com nome abreviado {shortName}."));
        if (fields.Number(order, "CustomerCode", "CustomerCode", required: false) is { } code && customer is not null && customer.CustomerCode != code)
            fields.Problems.Add(new Problem("CustomerCode", "datasul.order.customer_mismatch", $"O emitente {code} não é o de nome abreviado {shortName}."));
        if (customer is not null && customerOrder is not null && _orders.Values.Any(o => o.ShortName == customer.ShortName && o.CustomerOrder == customerOrder))
            fields.Problems.Add(new Problem("CustomerOrderId", "datasul.order.duplicate", $"O pedido {customerOrder} do cliente {shortName} já existe."));
        fields.Text(order, "BranchId", 5, "BranchId", required: false);
        fields.Text(order, "PriceTableOrder", 8, "PriceTableOrder", required: false);
        fields.Text(order, "Comments", 2000, "Comments", required: false);
        fields.Number(order, "ValueFreight", "ValueFreight", exclusive: false, required: false);
        var items = fields.List(order, "OrderItems", "OrderItems");
        var net = 0m;
        var sequences = new HashSet<decimal>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"OrderItems[{i}]";
            fields.Text(items[i], "ItemCode", 16, $"{path}.ItemCode");
            fields.Text(items[i], "UnitMeasureBilling", 2, $"{path}.UnitMeasureBilling", required: false);
            fields.Text(items[i], "PriceTable", 8, $"{path}.PriceTable", required: false);
            if (fields.Number(items[i], "Sequence", $"{path}.Sequence", required: false) is { } sequence && !sequences.Add(sequence))
                fields.Problems.Add(new Problem($"{path}.Sequence", "datasul.order.sequence", $"A sequência {sequence} se repete no pedido."));
            var price = fields.Number(items[i], "OriginalPrice", $"{path}.OriginalPrice");
            var quantity = fields.Number(items[i], "QuantityBilling", $"{path}.QuantityBilling");
            var discount = fields.Number(items[i], "TotalValueDiscount", $"{path}.TotalValueDiscount", exclusive: false, required: false) ?? 0m;
            if (fields.Number(items[i], "LiquidMerchandise", $"{path}.LiquidMerchandise", exclusive: false, required: false) is { } liquid)
            {
                fields.Cents(liquid + discount, quantity * price, $"{path}.LiquidMerchandise", "quantidade × preço menos o desconto");
                net += liquid;
            }
        }
        fields.Cents(fields.Number(order, "OrderAmount", "OrderAmount", exclusive: false, required: false), net, "OrderAmount", "a soma dos itens");
        var representatives = order["OrderRepresentatives"] as System.Text.Json.Nodes.JsonArray ?? [];
        for (var i = 0; i < representatives.Count; i++)
        {
            fields.Text(representatives[i], "ShortReprName", 12, $"OrderRepresentatives[{i}].ShortReprName");
            fields.Number(representatives[i], "CommissionPerc", $"OrderRepresentatives[{i}].CommissionPerc", max: 100, exclusive: false);
            fields.Number(representatives[i], "PercentPrintComm", $"OrderRepresentatives[{i}].PercentPrintComm", max: 100, exclusive: false);
        }
        OrderTaxContract.Datasul(fields, order);
        if (fields.Problems.Count > 0)
            return Reject(fields.Problems);
        var number = ++_lastOrder;
        (order["OrderId"], order["OrderSituation"]) = (number, 1);
        var answer = order.ToJsonString();
        _orders[number] = new DatasulOrderRow(customer!.ShortName!, customerOrder!, answer);
        return new Delivered(number.ToString(CultureInfo.InvariantCulture), answer);
    }

    private sealed record DatasulOrderRow(string ShortName, string CustomerOrder, string Json);

    private static IEnumerable<Problem> Required(DatasulCustomer c)
    {
        if (c.ShortName is not { Length: > 0 and <= 12 })
            yield return new Problem("ShortName", "datasul.ems.short_name", "nome-abrev é obrigatório e tem até 12 caracteres.");
        if (string.IsNullOrWhiteSpace(c.CustomerName))
            yield return new Problem("CustomerName", "datasul.ems.required", "nome-emit é obrigatório.");
        if (c.Address is not { Length: > 0 and <= 40 })
            yield return new Problem("Address", "datasul.ems.required", "endereco é obrigatório e tem até 40 caracteres.");
        if (string.IsNullOrWhiteSpace(c.Country))
            yield return new Problem("Country", "datasul.ems.required", "pais é obrigatório.");
        if (c.CustomerGroup is null)
            yield return new Problem("CustomerGroup", "datasul.ems.required", "cod-gr-cli é obrigatório.");
        if (c.RepresentativeCode is null)
            yield return new Problem("RepresentativeCode", "datasul.ems.required", "cod-rep é obrigatório.");
        if (c.Modality is < 1 or > 9)
            yield return new Problem("Modality", "datasul.ems.required", "modalidade é obrigatória (1 a 9).");
    }
}
