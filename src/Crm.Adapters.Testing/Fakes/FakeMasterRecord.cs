using System.Text.Json.Serialization;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// A master-data record as the fake TOTVS servers list it: its <c>code</c>, when known its <c>name</c>, and for a price table
/// whether it is active (<c>activeTablePrice</c>, TOTVS <c>PriceListHeaderItem_2_005</c>).
/// </summary>
/// <param name="Code">The record's code in the ERP.</param>
/// <param name="Name">Its name.</param>
/// <param name="ActiveTablePrice">For a price table: false when inactive.</param>
public sealed record FakeMasterRecord(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("activeTablePrice")] bool? ActiveTablePrice = null);
