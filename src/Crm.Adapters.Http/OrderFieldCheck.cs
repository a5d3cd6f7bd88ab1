using System.Globalization;
using Crm.Domain.Accounts;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Crm.Domain.Taxes;

namespace Crm.Adapters.Http;

/// <summary>
/// Checks a sales order's values against an ERP's field sizes before its payload is built, the way the account rules check
/// registrations: each problem names the order's field (<c>payment_condition</c>, <c>items[2].product</c>), a stable code
/// <c>{erp}.order.{reason}</c> and a message naming the ERP's field. Nothing is cut to fit: an order with a problem is not sent.
/// </summary>
/// <param name="erp">The ERP's id, the codes' prefix (<c>protheus</c>, <c>datasul</c>).</param>
public sealed class OrderFieldCheck(string erp)
{
    /// <summary>A required value is missing.</summary>
    public const string Required = "required";

    /// <summary>A text is longer than the ERP's field.</summary>
    public const string TooLong = "too_long";

    /// <summary>A number is outside the ERP's field (sign, size or decimals).</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The order has a value the ERP's message has no field for.</summary>
    public const string NotCarried = "not_carried";

    /// <summary>A code the ERP keeps as a number is not one.</summary>
    public const string NotANumber = "not_a_number";

    /// <summary>The account given is not the order's customer as the ERP knows it.</summary>
    public const string CustomerMismatch = "customer_mismatch";

    private readonly List<Problem> _problems = [];

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<Problem> Problems => _problems;

    /// <summary>The code of <paramref name="reason"/> for this ERP: <c>{erp}.order.{reason}</c>.</summary>
    public string CodeOf(string reason) => $"{erp}.order.{reason}";

    /// <summary>Adds a problem of <paramref name="reason"/> on <paramref name="field"/>.</summary>
    public void Add(string field, string reason, string message) => _problems.Add(new Problem(field, CodeOf(reason), message));

    /// <summary>
    /// <paramref name="value"/> trimmed when it fits <paramref name="max"/> characters; a problem when it is longer, or blank
    /// and <paramref name="required"/>. Null when blank or refused.
    /// </summary>
    public string? Text(string field, string erpField, string? value, int max, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
                Add(field, Required, $"{erpField} é obrigatório no pedido.");
            return null;
        }
        if (trimmed.Length > max)
        {
            Add(field, TooLong, $"{erpField} tem até {max} caracteres; '{trimmed}' tem {trimmed.Length}.");
            return null;
        }
        return trimmed;
    }

    /// <summary>
    /// The code in <paramref name="value"/> as the ERP's integer of at most <paramref name="digits"/> digits; a problem when it
    /// is not one, or blank and <paramref name="required"/>.
    /// </summary>
    public int? NumericCode(string field, string erpField, string? value, int digits, bool required = true)
    {
        if (Text(field, erpField, value, digits, required) is not { } text)
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        Add(field, NotANumber, $"{erpField} é numérico no ERP; '{text}' não é um número.");
        return null;
    }

    /// <summary>
    /// A problem when <paramref name="value"/> is negative (or zero when <paramref name="positive"/>), above
    /// <paramref name="max"/>, or has more than <paramref name="decimals"/> decimals.
    /// </summary>
    public void Amount(string field, string erpField, decimal value, decimal max, int decimals, bool positive = false)
    {
        if (value < 0m || (positive && value == 0m))
            Add(field, OutOfRange, $"{erpField} deve ser {(positive ? "maior que zero" : "zero ou mais")}; é {Show(value)}.");
        else if (value > max)
            Add(field, OutOfRange, $"{erpField} vai até {Show(max)}; é {Show(value)}.");
        else if (decimal.Round(value, decimals) != value)
            Add(field, OutOfRange, $"{erpField} tem {decimals} casas decimais; {Show(value)} tem mais.");
    }

    /// <summary>
    /// The order's customer account (<see cref="ErpOrder.CustomerAccount"/>), or a problem: <c>{erp}.order.required</c> on
    /// <c>customer</c> when the order does not carry it (built without <c>ErpOrder.From(order, customer)</c>),
    /// <c>{erp}.order.customer_mismatch</c> when it is not integrated with the ERP under the order's customer code.
    /// </summary>
    public Account? Customer(ErpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.CustomerAccount is not { } customer)
        {
            Add("customer", Required, "O pedido não traz a conta do cliente: monte-o com ErpOrder.From(pedido, conta).");
            return null;
        }
        var code = customer.Integration.TryPickT1(out var erp, out _) ? erp.ErpCode : null;
        if (customer.Id != order.Customer || code != order.Header.CustomerCode)
            Add("customer_code", CustomerMismatch,
                $"O pedido é do cliente {order.Header.CustomerCode} no ERP, mas a conta {(code is null ? "não está integrada" : $"é o cliente {code}")}.");
        return customer;
    }

    /// <summary>
    /// Refuses an IPI that the ERP's percentage field (<paramref name="erpField"/>) cannot carry: a known amount per unit
    /// (pauta), which <c>ItemTaxes.Ipi</c> keeps as the quantity (base) times the amount (rate), not base × rate / 100.
    /// </summary>
    public void IpiAsPercentage(string field, string erpField, TaxLine ipi)
    {
        if (ipi.Value != 0m && Math.Abs(ipi.Base * ipi.Rate / 100m - ipi.Value) > 0.01m)
            Add(field, NotCarried,
                $"O IPI de {ipi.Value} é por unidade (pauta: {ipi.Rate} × {ipi.Base}); {erpField} é uma alíquota percentual e não o carrega.");
    }

    /// <summary><paramref name="value"/> when no problem was found, else every problem.</summary>
    public Outcome<T> Result<T>(T value) => _problems.Count == 0 ? Outcome<T>.FromValue(value) : new Invalid([.. _problems]);

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
