using System.Text.Json;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime.Text;

namespace Crm.Persistence.Conversions;

/// <summary>
/// The histories of records merged into an account, as JSON text. EF cannot map them as a complex collection (a record
/// whose constructor takes a nested collection), and they are written once, at the merge, and only ever read whole.
/// Instants are ISO text with nanoseconds, so the round trip is exact.
/// </summary>
internal sealed class AbsorbedHistoryConverter() : ValueConverter<List<AbsorbedHistory>, string>(v => Write(v), s => Read(s))
{
    private sealed record Entry(string At, Guid By, string Field, string? Old, string? New, bool Secret);

    private sealed record Absorbed(string Source, List<Entry> Entries);

    private static string Write(List<AbsorbedHistory> histories) => JsonSerializer.Serialize(histories.Select(h => new Absorbed(h.Source,
        [.. h.Entries.Select(e => new Entry(InstantPattern.ExtendedIso.Format(e.At), e.By.Value, e.Field, e.OldValue, e.NewValue, e.IsSecret))])));

    private static List<AbsorbedHistory> Read(string json) => [.. JsonSerializer.Deserialize<List<Absorbed>>(json)!.Select(h =>
        new AbsorbedHistory(h.Source, [.. h.Entries.Select(e =>
            new HistoryEntry(InstantPattern.ExtendedIso.Parse(e.At).Value, new UserId(e.By), e.Field, e.Old, e.New, e.Secret))]))];

    /// <summary>Compares by content, so EF notices a merge that appended a history.</summary>
    public static ValueComparer<List<AbsorbedHistory>> Comparer { get; } = new(
        (a, b) => a!.Count == b!.Count && a.Zip(b).All(p => p.First.Source == p.Second.Source && p.First.Entries.SequenceEqual(p.Second.Entries)),
        v => v.Count,
        v => v.ToList());
}
