namespace Crm.Domain.Funnel.Analytics;

/// <summary>One group of the weighted forecast, in one currency (amounts in different currencies are never added).</summary>
/// <typeparam name="TKey">What the forecast is grouped by (owner, stage or month).</typeparam>
/// <param name="Key">The group.</param>
/// <param name="Currency">The ISO 4217 currency of the amounts.</param>
/// <param name="Count">How many opportunities.</param>
/// <param name="Value">Their total value.</param>
/// <param name="Weighted">Their total value × probability.</param>
public sealed record ForecastRow<TKey>(TKey Key, string Currency, int Count, decimal Value, decimal Weighted);
