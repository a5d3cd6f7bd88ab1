using System.Globalization;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Taxes;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Orders;

/// <summary>A file attached to an order (aba anexos): its name and where the document store keeps it.</summary>
/// <param name="Name">The file name shown.</param>
/// <param name="Reference">The document store's reference.</param>
/// <param name="Classification">The attachment classification (classificação do anexo).</param>
public sealed record OrderAttachment(string Name, string Reference, string? Classification = null)
{
    /// <summary>The file name shown.</summary>
    public string Name { get; init; } = Name;

    /// <summary>The document store's reference.</summary>
    public string Reference { get; init; } = Reference;

    /// <summary>The attachment classification (classificação do anexo).</summary>
    public string? Classification { get; init; } = Classification;
}

/// <summary>
/// The header of a sales order (seed 003, "Dados principais"): who buys, where it is billed from and to, how it is paid and
/// shipped, the price table, and what the matrices need to know of the sale. Codes are the ERP's.
/// </summary>
public sealed record OrderHeader
{
    /// <summary>The customer's account.</summary>
    public required AccountId Customer { get; init; }

    /// <summary>The customer's code in the ERP, which the matrices and quotas key on.</summary>
    public required string CustomerCode { get; init; }

    /// <summary>The issue date (data de emissão): the date prices, matrices and promises are taken on.</summary>
    public required LocalDate IssueDate { get; init; }

    /// <summary>The seller.</summary>
    public required UserId Seller { get; init; }

    /// <summary>The seller's role, which the approval matrix (alçada) keys on.</summary>
    public required string SellerRole { get; init; }

    /// <summary>The selling establishment.</summary>
    public required string Establishment { get; init; }

    /// <summary>The price table (blank: Crm.Sdk's order use cases take the customer's sales table for the warehouse and billing location).</summary>
    public required string PriceTable { get; init; }

    /// <summary>The warehouse items ship from unless an item says otherwise.</summary>
    public required string Warehouse { get; init; }

    /// <summary>The payment condition.</summary>
    public required string PaymentCondition { get; init; }

    /// <summary>The UF the goods leave from.</summary>
    public required Uf OriginUf { get; init; }

    /// <summary>The UF the goods go to.</summary>
    public required Uf DestinationUf { get; init; }

    /// <summary>indIEDest of the customer.</summary>
    public IeIndicator RecipientIe { get; init; }

    /// <summary>indFinal: the customer buys for its own use or consumption.</summary>
    public bool FinalConsumer { get; init; }

    /// <summary>The customer group, a matrix dimension.</summary>
    public string? CustomerGroup { get; init; }

    /// <summary>The client type, a matrix dimension.</summary>
    public string? ClientType { get; init; }

    /// <summary>The billing location (local de faturamento).</summary>
    public string? BillingLocation { get; init; }

    /// <summary>The order type (tipo do pedido; Protheus <c>C5_TIPO</c>).</summary>
    public string? Type { get; init; }

    /// <summary>The order's origin or sales channel (origem do pedido), a matrix dimension.</summary>
    public string? Origin { get; init; }

    /// <summary>The card type when paid by card (tipo de cartão).</summary>
    public string? CardType { get; init; }

    /// <summary>The carrier (transportadora).</summary>
    public string? Carrier { get; init; }

    /// <summary>Who pays the freight.</summary>
    public FreightType FreightType { get; init; }

    /// <summary>Observations (aba observações).</summary>
    public string? Observations { get; init; }

    /// <summary>Attachments (aba anexos), as references to the document store.</summary>
    public IReadOnlyList<OrderAttachment> Attachments { get; init; } = [];

    /// <summary>The matrix context shared by every line.</summary>
    internal MatrixContext Context() => new()
    {
        Date = IssueDate,
        Establishment = Establishment,
        Customer = CustomerCode,
        CustomerGroup = CustomerGroup,
        ClientType = ClientType,
        OriginUf = OriginUf,
        DestinationUf = DestinationUf,
        PaymentCondition = PaymentCondition,
        SalesChannel = Origin,
        Role = SellerRole,
    };

    /// <summary>Every field as text, in a fixed order: what history entries and the copy comparison name.</summary>
    internal IEnumerable<(string Field, string? Value)> Fields() =>
    [
        ("customer", Customer.Value.ToString()), ("customer_code", CustomerCode), ("issue_date", IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("seller", Seller.Value.ToString()), ("seller_role", SellerRole), ("establishment", Establishment), ("price_table", PriceTable),
        ("warehouse", Warehouse), ("payment_condition", PaymentCondition), ("origin_uf", OriginUf.ToString()), ("destination_uf", DestinationUf.ToString()),
        ("recipient_ie", RecipientIe.ToString()), ("final_consumer", FinalConsumer ? "true" : "false"), ("customer_group", CustomerGroup),
        ("client_type", ClientType), ("billing_location", BillingLocation), ("type", Type), ("origin", Origin), ("card_type", CardType),
        ("carrier", Carrier), ("freight_type", FreightType.ToString()), ("observations", Observations),
        ("attachments", Attachments.Count == 0 ? null : string.Join(";", Attachments.Select(a => $"{a.Name}|{a.Reference}|{a.Classification}"))),
    ];

    internal ProblemCollector Validate()
    {
        var problems = new ProblemCollector();
        void Required(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems.Add(new(field, OrderCodes.Required, "Campo obrigatório não informado."));
            problems.Check(value, field, TextLimits.MasterDataCode);
        }
        if (Customer.Value == Guid.Empty)
            problems.Add(new("customer", OrderCodes.Required, "Informe o cliente."));
        Required("customer_code", CustomerCode);
        Required("seller_role", SellerRole);
        Required("establishment", Establishment);
        Required("price_table", PriceTable);
        Required("warehouse", Warehouse);
        Required("payment_condition", PaymentCondition);
        foreach (var (field, value) in new[] { ("customer_group", CustomerGroup), ("client_type", ClientType), ("billing_location", BillingLocation),
                     ("type", Type), ("origin", Origin), ("card_type", CardType), ("carrier", Carrier) })
            problems.Check(value, field, TextLimits.MasterDataCode);
        problems.Check(Observations, "observations", TextLimits.OrderObservations, multiLine: true);
        if (!Enum.IsDefined(FreightType))
            problems.Add(new("freight_type", OrderCodes.Required, "Tipo de frete desconhecido."));
        for (var i = 0; i < Attachments.Count; i++)
            if (string.IsNullOrWhiteSpace(Attachments[i].Name) || string.IsNullOrWhiteSpace(Attachments[i].Reference))
                problems.Add(new($"attachments[{i}]", OrderCodes.Required, "O anexo precisa de nome e referência."));
        return problems;
    }
}
