using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Orders;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Adapters.Testing;

/// <summary>
/// Released orders as <see cref="ErpOrder.From(SalesOrder, Account)"/> hands them to an adapter, for adapter tests and the conformance kit: each
/// item's value is quantity × unit price in cents (vProd, rounded half up), its discount in cents, and the total the
/// merchandise net of discounts plus freight plus the taxes charged on top (here an IPI of 10 % of each item's net value).
/// The header's codes are the sample tenant's (payment condition 15, price table TB1, carrier 3, establishment 101).
/// </summary>
public static class TestOrders
{
    /// <summary>The orders' issue date.</summary>
    public static LocalDate Issued { get; } = new(2026, 12, 1);

    /// <summary>The orders' id.</summary>
    public static SalesOrderId Id { get; } = new(Guid.Parse("5f0c2a4e-8d1b-4c7a-9e3f-1a2b3c4d5e6f"));

    /// <summary>
    /// An order of <paramref name="lines"/> items (product <c>ROT-AX0001</c>…, 1 to 7 units at about 349.90, a discount of
    /// 5.00 on every third) for the ERP customer <paramref name="customerCode"/>, whose account is <paramref name="customer"/>
    /// (by default <see cref="Customer"/> of that code).
    /// </summary>
    public static ErpOrder Released(string customerCode, int lines = 2, Account? customer = null, decimal freight = 68m,
        string paymentCondition = "15", string? carrier = "3", FreightType freightType = FreightType.Cif)
    {
        var items = Enumerable.Range(1, lines).Select(n => Item(n, $"ROT-AX{n:D4}", quantity: n % 7 + 1, unitPrice: 349.9m + n * 0.0125m,
            discount: n % 3 == 0 ? 5m : 0m)).ToArray();
        return Of(customerCode, items, customer, freight, paymentCondition, carrier, freightType);
    }

    /// <summary>
    /// A company account (short name <c>PADSJOAO</c>, the published example CNPJ 11.222.333/0001-81) integrated with the ERP under
    /// <paramref name="erpCode"/>: the customer an order of that code carries.
    /// </summary>
    public static Account Customer(string erpCode) => TestAccounts.Register(new RegistrationForm
    {
        Kind = PersonKind.Juridica,
        LegalName = "Padaria São João Ltda",
        ShortName = "PADSJOAO",
        TaxId = "11.222.333/0001-81",
        Emails = [new EmailForm("compras@padariasaojoao.com.br")],
    }).Integrated(erpCode);

    /// <summary>An item: its value quantity × <paramref name="unitPrice"/> in cents, its list price 10.00 above, delivered 10 days after issue.</summary>
    public static ErpOrderItem Item(int number, string product, decimal quantity, decimal unitPrice, decimal discount = 0m, string unit = "UN",
        string warehouse = "01", string? lot = null) =>
        new(number, product, unit, quantity, unitPrice, unitPrice + 10m, decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero),
            discount, warehouse, lot, Issued.PlusDays(10));

    /// <summary>
    /// An order of <paramref name="items"/> for the ERP customer <paramref name="customerCode"/> (its account
    /// <paramref name="customer"/>, by default <see cref="Customer"/> of that code), its totals from the items.
    /// </summary>
    public static ErpOrder Of(string customerCode, IReadOnlyList<ErpOrderItem> items, Account? customer = null, decimal freight = 68m,
        string paymentCondition = "15", string? carrier = "3", FreightType freightType = FreightType.Cif, string? observations = "Entregar pela manhã.")
    {
        ArgumentNullException.ThrowIfNull(items);
        var account = customer ?? Customer(customerCode);
        var ipi = items.Sum(i => decimal.Round((i.Value - i.Discount) * 0.10m, 2, MidpointRounding.AwayFromZero));
        return new ErpOrder
        {
            Order = Id,
            Customer = account.Id,
            CustomerAccount = account,
            Header = new OrderHeader
            {
                Customer = account.Id,
                CustomerCode = customerCode,
                IssueDate = Issued,
                Seller = TestAccounts.User,
                SellerRole = "vendedor",
                Establishment = "101",
                PriceTable = "TB1",
                Warehouse = "01",
                PaymentCondition = paymentCondition,
                OriginUf = Uf.SP,
                DestinationUf = Uf.MG,
                Carrier = carrier,
                FreightType = freightType,
                Observations = observations,
            },
            Freight = freight,
            Discount = items.Sum(i => i.Discount),
            Total = items.Sum(i => i.Value - i.Discount) + freight + ipi,
            Items = items,
        };
    }
}
