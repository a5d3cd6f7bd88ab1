using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Taxes;

namespace Crm.Persistence.Conversions;

/// <summary>
/// A <see cref="TaxLine"/> as a short array, <c>[base, rate, value, "source"]</c>, with the reduction as a fifth element
/// only when there is one: a priced order line carries 14 of them (most the empty <see cref="TaxLine.None"/>), so a
/// 1,000-line order's item document is mostly tax lines. Written and read without reflection; amounts keep their scale.
/// </summary>
internal sealed class TaxLineConverter : JsonConverter<TaxLine>
{
    public override TaxLine Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("A tax line is stored as [base, rate, value, source, reduction?].");
        var taxBase = Next(ref reader).GetDecimal();
        var rate = Next(ref reader).GetDecimal();
        var value = Next(ref reader).GetDecimal();
        var source = Next(ref reader).GetString()!; // null only for a default(TaxLine), which is written as null too
        var reduction = 0m;
        if (Next(ref reader).TokenType != JsonTokenType.EndArray)
        {
            reduction = reader.GetDecimal();
            if (Next(ref reader).TokenType != JsonTokenType.EndArray)
                throw new JsonException("A tax line has at most five elements.");
        }
        return new TaxLine(taxBase, rate, value, source, reduction);
    }

    public override void Write(Utf8JsonWriter writer, TaxLine value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Base);
        writer.WriteNumberValue(value.Rate);
        writer.WriteNumberValue(value.Value);
        writer.WriteStringValue(value.Source);
        if (value.Reduction != 0m)
            writer.WriteNumberValue(value.Reduction);
        writer.WriteEndArray();
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("A tax line ends early.");
        return ref reader;
    }
}
