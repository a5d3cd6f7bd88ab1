using System.Buffers;
using System.Text;
using System.Text.Json;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Crm.Persistence.Conversions;

/// <summary>
/// The change history of a lead, account or contact as one compact JSON document. A change records one entry per field
/// at the same instant by the same user (registering an account writes ~45), so entries are grouped by instant and
/// author: <c>{"Changes":[{"At":"…Z","By":"guid","Fields":[["field","old","new"],["password",null,"***",true]]}],
/// "Absorbed":[{"Source":"account:…","Changes":[…]}]}</c> — about a third of one object per entry, read and written with
/// <see cref="Utf8JsonReader"/>/<see cref="Utf8JsonWriter"/> (no reflection, no per-entry change tracking).
/// Instants are ISO text with nanoseconds: exact on both providers. A loaded history stays text until first used
/// (<see cref="ChangeHistory.Stored"/>): loading a record does not parse it, and a malformed document throws then.
/// </summary>
internal sealed class ChangeHistoryConverter() : ValueConverter<ChangeHistory, string>(h => Write(h), s => Read(s))
{
    /// <summary>
    /// The history is append-only (entries are immutable and never removed), so it changed exactly when it holds more
    /// entries or absorbed histories than its snapshot: no deep comparison, and the snapshot copies references only.
    /// A history not read since it was loaded cannot have changed: it and its snapshot share their stored text, and
    /// comparing them parses nothing (a save that leaves the history alone never reads it).
    /// </summary>
    public static ValueComparer<ChangeHistory> Comparer { get; } = new(
        (a, b) => Same(a!, b!),
        h => HashCode.Combine(h.Entries.Count, h.Absorbed.Count),
        h => Snapshot(h));

    private static bool Same(ChangeHistory a, ChangeHistory b) =>
        (a.Unread is { } stored && stored == b.Unread)
        || (a.Entries.Count == b.Entries.Count && a.Absorbed.Count == b.Absorbed.Count);

    private static ChangeHistory Snapshot(ChangeHistory history) =>
        history.Unread is { } stored ? ChangeHistory.Stored(stored) : Restore(history.Entries, history.Absorbed);

    private static ChangeHistory Restore(IEnumerable<HistoryEntry> entries, IEnumerable<AbsorbedHistory> absorbed)
    {
        var history = new ChangeHistory(entries);
        foreach (var a in absorbed)
            history.Absorb(a.Source, new ChangeHistory(a.Entries));
        return history;
    }

    // One buffer per thread, reused: a save writes thousands of histories, and only the resulting string need be new.
    // One grown past MaxKeptBuffer by an exceptionally long history is dropped after use rather than kept per thread.
    private const int MaxKeptBuffer = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    private static string Write(ChangeHistory history)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoredText.Encoder }))
        {
            json.WriteStartObject();
            WriteChanges(json, history.Entries);
            if (history.Absorbed.Count > 0)
            {
                json.WriteStartArray("Absorbed");
                foreach (var absorbed in history.Absorbed)
                {
                    json.WriteStartObject();
                    json.WriteString("Source", absorbed.Source);
                    WriteChanges(json, absorbed.Entries);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBuffer)
            _buffer = null;
        return text;
    }

    private static void WriteChanges(Utf8JsonWriter json, IReadOnlyList<HistoryEntry> entries)
    {
        json.WriteStartArray("Changes");
        for (var i = 0; i < entries.Count;)
        {
            var (at, by) = (entries[i].At, entries[i].By);
            json.WriteStartObject();
            json.WriteString("At", InstantPattern.ExtendedIso.Format(at));
            json.WriteString("By", by.Value);
            json.WriteStartArray("Fields");
            for (; i < entries.Count && entries[i].At == at && entries[i].By == by; i++)
            {
                var entry = entries[i];
                json.WriteStartArray();
                json.WriteStringValue(entry.Field);
                WriteNullable(json, entry.OldValue);
                WriteNullable(json, entry.NewValue);
                if (entry.IsSecret)
                    json.WriteBooleanValue(true);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(value);
    }

    private static ChangeHistory Read(string text) => ChangeHistory.Stored(new StoredHistory(text).Read);

    /// <summary>One stored document, parsed once however many histories (the record's, its change-tracking snapshot) read it.</summary>
    private sealed class StoredHistory(string text)
    {
        private ChangeHistory? _parsed;

        public ChangeHistory Read() => _parsed ??= Parse(text);
    }

    private static ChangeHistory Parse(string text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return Read(new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes))));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static ChangeHistory Read(Utf8JsonReader reader)
    {
        List<HistoryEntry> entries = [];
        List<AbsorbedHistory> absorbed = [];
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "Changes":
                    ReadChanges(ref reader, entries);
                    break;
                case "Absorbed":
                    ReadAbsorbed(ref reader, absorbed);
                    break;
                default:
                    throw Malformed(reader);
            }
        }
        return Restore(entries, absorbed);
    }

    private static void ReadAbsorbed(ref Utf8JsonReader reader, List<AbsorbedHistory> absorbed)
    {
        Expect(ref reader, JsonTokenType.StartArray, advance: false);
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            string? source = null;
            List<HistoryEntry> entries = [];
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "Source")
                    source = reader.GetString();
                else if (name == "Changes")
                    ReadChanges(ref reader, entries);
                else
                    throw Malformed(reader);
            }
            absorbed.Add(new AbsorbedHistory(source ?? throw Malformed(reader), entries));
        }
    }

    // A group's properties in any order: "Fields" read at once after "At" and "By" (as written), otherwise read from a
    // copy of the reader once the group's end shows its instant and author (a jsonb column or another writer may reorder).
    private static void ReadChanges(ref Utf8JsonReader reader, List<HistoryEntry> entries)
    {
        Expect(ref reader, JsonTokenType.StartArray, advance: false);
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            Instant? at = null;
            UserId? by = null;
            var deferred = false;
            Utf8JsonReader fields = default;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "At":
                        at = InstantPattern.ExtendedIso.Parse(reader.GetString()!).Value;
                        break;
                    case "By":
                        by = new UserId(reader.GetGuid());
                        break;
                    case "Fields" when at is { } instant && by is { } author:
                        ReadFields(ref reader, instant, author, entries);
                        break;
                    case "Fields":
                        fields = reader;
                        deferred = true;
                        reader.Skip();
                        break;
                    default:
                        throw Malformed(reader);
                }
            }
            if (!deferred)
                continue;
            if (at is not { } groupAt || by is not { } groupBy)
                throw Malformed(reader);
            ReadFields(ref fields, groupAt, groupBy, entries);
        }
    }

    private static void ReadFields(ref Utf8JsonReader reader, Instant at, UserId by, List<HistoryEntry> entries)
    {
        Expect(ref reader, JsonTokenType.StartArray, advance: false);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            reader.Read();
            var field = reader.GetString()!;
            reader.Read();
            var oldValue = reader.GetString();
            reader.Read();
            var newValue = reader.GetString();
            var secret = Next(ref reader) == JsonTokenType.True;
            if (secret)
                reader.Read();
            Expect(ref reader, JsonTokenType.EndArray, advance: false);
            entries.Add(new HistoryEntry(at, by, field, oldValue, newValue, secret));
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The stored change history ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, bool advance = true)
    {
        if ((advance ? Next(ref reader) : reader.TokenType) != token)
            throw Malformed(reader);
    }

    private static JsonException Malformed(Utf8JsonReader reader) =>
        new($"The stored change history is malformed at byte {reader.TokenStartIndex} ({reader.TokenType}).");
}
