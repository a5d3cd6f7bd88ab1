namespace Crm.Domain.Funnel.Opportunities;

/// <summary>A quantitative value of an opportunity (e.g. 40 licences), kept when the tenant has quantitative goals.</summary>
/// <param name="Amount">How many.</param>
/// <param name="Unit">Of what (e.g. <c>licenças</c>, <c>kg</c>).</param>
public sealed record Quantity(decimal Amount, string Unit);
