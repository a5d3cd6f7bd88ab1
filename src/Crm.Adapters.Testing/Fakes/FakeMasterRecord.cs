using System.Text.Json.Serialization;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>A master-data record as the fake TOTVS servers list it: its <c>code</c> and, when known, its <c>name</c>.</summary>
/// <param name="Code">The record's code in the ERP.</param>
/// <param name="Name">Its name.</param>
public sealed record FakeMasterRecord([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("name")] string? Name = null);
