using Crm.Domain.Problems;

namespace Crm.Domain.Matrices.Commercial;

/// <summary>
/// A row of the customer × payment condition matrix: whether the customer (or group, client type…) may buy with
/// the payment condition, and the financial surcharge the condition adds.
/// </summary>
/// <param name="Allowed">Whether the condition may be used.</param>
/// <param name="FinancialSurchargeRate">Acréscimo financeiro in percent of the price.</param>
public sealed record CustomerPaymentConditionRule(bool Allowed, decimal FinancialSurchargeRate = 0m) : IMatrixPayload<CustomerPaymentConditionRule>
{
    /// <inheritdoc />
    public static string MatrixName => "customer_payment_condition";

    /// <inheritdoc />
    public static DimensionSet Dimensions => CommercialDimensions.All;

    /// <inheritdoc />
    public IEnumerable<Problem> Validate(string field) => PayloadCheck.Percent(field, "financialSurchargeRate", FinancialSurchargeRate);
}
