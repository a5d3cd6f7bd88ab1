using System.Text.Json;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.History;
using Crm.Domain.Identity;
using Crm.Persistence.Conversions;
using Crm.Persistence.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Crm.Persistence.Tests.Conversions;

/// <summary>The change history's compact document: exact round trip, cheap change detection, earlier documents still read.</summary>
public sealed class ChangeHistoryStorageTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly ChangeHistoryConverter Converter = new();

    private static ChangeHistory RoundTrip(ChangeHistory history) =>
        (ChangeHistory)Converter.ConvertFromProvider(Converter.ConvertToProvider(history))!;

    private static readonly Gen<HistoryEntry> Entries =
        from at in Gen.Choose(0, 3)
        from nanos in Gen.Choose(0, 999_999_999)
        from author in Gen.Elements(Records.Ana, new UserId(Guid.Parse("00000000-0000-0000-0000-0000000000b2")))
        from field in Gen.Elements("legal_name", "addresses[0].city", "custom.\"senha\"", "obs\\nota")
        from oldValue in Gen.Elements<string?>(null, "", "São Paulo", "a \"quoted\" \u0001 value", "ação ✓")
        from newValue in Gen.Elements<string?>(null, "x", "Conceição", "line\nbreak")
        from secret in Gen.Elements(false, false, true)
        select new HistoryEntry(Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromSeconds(at) + Duration.FromNanoseconds(nanos),
            author, field, oldValue, newValue, secret);

    public static Arbitrary<ChangeHistory> Histories() => Arb.From(
        from entries in Gen.ListOf(Entries)
        from count in Gen.Choose(0, 2)
        from absorbed in Gen.ListOf(Gen.ListOf(Entries), count)
        select Build(entries, absorbed.Select((e, i) => ($"account:{i}", (IEnumerable<HistoryEntry>)e))));

    private static ChangeHistory Build(IEnumerable<HistoryEntry> entries, IEnumerable<(string Source, IEnumerable<HistoryEntry> Entries)> absorbed)
    {
        var history = new ChangeHistory(entries);
        foreach (var (source, e) in absorbed)
            history.Absorb(source, new ChangeHistory(e));
        return history;
    }

    [Property(Arbitrary = [typeof(ChangeHistoryStorageTests)], MaxTest = 200)]
    public bool Every_history_reads_back_exactly(ChangeHistory history)
    {
        var back = RoundTrip(history);
        return back.Entries.SequenceEqual(history.Entries)
            && back.Absorbed.Select(a => a.Source).SequenceEqual(history.Absorbed.Select(a => a.Source))
            && back.Absorbed.Zip(history.Absorbed).All(p => p.First.Entries.SequenceEqual(p.Second.Entries));
    }

    [Fact]
    public void Entries_of_one_change_share_one_instant_and_author_in_the_document()
    {
        var account = Records.Account(Tenant, 1);

        var json = (string)Converter.ConvertToProvider(account.History)!;

        Assert.True(account.History.Entries.Count > 30);
        using var document = JsonDocument.Parse(json);
        var change = Assert.Single(document.RootElement.GetProperty("Changes").EnumerateArray());
        Assert.Equal(account.History.Entries.Count, change.GetProperty("Fields").GetArrayLength());
        Assert.Contains("São Paulo", json, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(ChangeHistoryStorageTests)], MaxTest = 100)]
    public bool A_group_reads_the_same_whatever_the_order_of_its_properties(ChangeHistory history)
    {
        // Every group and absorbed history with its properties in reverse order ("Fields" before "By" and "At").
        var document = System.Text.Json.Nodes.JsonNode.Parse((string)Converter.ConvertToProvider(history)!)!.AsObject();
        var groups = document["Changes"]!.AsArray().Concat(document["Absorbed"]?.AsArray().SelectMany(a => a!["Changes"]!.AsArray()) ?? []);
        foreach (var group in groups.Select(g => g!.AsObject()).ToList())
        {
            var properties = group.Reverse().ToList();
            group.Clear();
            foreach (var (name, value) in properties)
                group[name] = value;
        }
        var reordered = document.ToJsonString();

        var back = (ChangeHistory)Converter.ConvertFromProvider(reordered)!;
        return (history.Entries.Count == 0 || reordered.Contains("{\"Fields\":", StringComparison.Ordinal))
            && back.Entries.SequenceEqual(history.Entries)
            && back.Absorbed.Zip(history.Absorbed).All(p => p.First.Entries.SequenceEqual(p.Second.Entries));
    }

    [Fact]
    public void A_group_without_its_instant_or_author_is_malformed_when_the_history_is_first_read()
    {
        var history = (ChangeHistory)Converter.ConvertFromProvider("{\"Changes\":[{\"Fields\":[[\"x\",null,\"1\"]],\"At\":\"2026-01-01T00:00:00Z\"}]}")!;

        Assert.Throws<JsonException>(() => history.Entries);
        Assert.Throws<JsonException>(() => history.Absorbed); // still unread: it fails again, never reads as empty
    }

    [Fact]
    public void A_stored_history_is_parsed_on_first_use_and_its_snapshot_compares_equal_without_parsing()
    {
        var unreadable = (ChangeHistory)Converter.ConvertFromProvider("not a history")!;
        Assert.True(ChangeHistoryConverter.Comparer.Equals(ChangeHistoryConverter.Comparer.Snapshot(unreadable), unreadable));

        var original = Records.Account(Tenant, 4).History;
        var stored = RoundTrip(original);
        var snapshot = ChangeHistoryConverter.Comparer.Snapshot(stored);
        Assert.Equal(original.Entries, stored.Entries);
        Assert.True(ChangeHistoryConverter.Comparer.Equals(snapshot, stored));

        stored.Record(FieldSnapshot.Empty, FieldSnapshot.Empty.With("x", "1"), Records.Ana, Records.Clock());
        Assert.False(ChangeHistoryConverter.Comparer.Equals(snapshot, stored));
        Assert.Equal(original.Entries.Count, snapshot.Entries.Count);
    }

    [Fact]
    public void The_comparer_sees_an_appended_entry_or_absorbed_history_and_nothing_else()
    {
        var history = new ChangeHistory(Records.Account(Tenant, 2).History.Entries);
        var snapshot = ChangeHistoryConverter.Comparer.Snapshot(history);
        Assert.True(ChangeHistoryConverter.Comparer.Equals(snapshot, history));

        history.Record(FieldSnapshot.Empty, FieldSnapshot.Empty.With("x", "1"), Records.Ana, Records.Clock());
        Assert.False(ChangeHistoryConverter.Comparer.Equals(snapshot, history));

        var merged = ChangeHistoryConverter.Comparer.Snapshot(history);
        history.Absorb("account:1", new ChangeHistory());
        Assert.False(ChangeHistoryConverter.Comparer.Equals(merged, history));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_loaded_account_that_did_not_change_saves_nothing_and_one_that_did_saves_its_new_entries(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var account = Records.Account(Tenant, 3);
        await using (var write = db.Open(Tenant))
        {
            write.Accounts.Add(account);
            Assert.True((await write.SaveAsync()).IsSaved);
        }

        await using (var unchanged = db.Open(Tenant))
        {
            await unchanged.Accounts.SingleAsync();
            Assert.Equal(0, (await unchanged.SaveAsync()).AsT0.Changes);
        }
        await using (var edit = db.Open(Tenant))
        {
            var stored = await edit.Accounts.SingleAsync();
            stored.RecordErpState(new Crm.Domain.Accounts.ErpLink.IntegratedWithErp("C-9", new LocalDate(2026, 5, 1)), null, Records.Ana, Records.Clock());
            Assert.Equal(1, (await edit.SaveAsync()).AsT0.Changes);
        }

        await using var read = db.Open(Tenant);
        Assert.Equal(account.History.Entries.Count + 3, (await read.Accounts.SingleAsync()).History.Entries.Count);
    }
}
