using Crm.Domain.Accounts.History;
using NodaTime;

namespace Crm.Domain.Tests.Accounts;

public class HistoryTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    [Fact]
    public void A_diff_has_one_entry_per_added_changed_or_removed_field()
    {
        var before = FieldSnapshot.Empty.With("a", "1").With("b", "2").With("c", "3");
        var after = FieldSnapshot.Empty.With("a", "1").With("b", "20").With("d", "4");

        var changes = before.ChangesTo(after, At, Samples.Ana);

        Assert.Equal([("b", "2", "20"), ("c", "3", null), ("d", null, "4")], changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(changes, c => Assert.Equal((At, Samples.Ana), (c.At, c.By)));
    }

    [Fact]
    public void A_secret_field_is_recorded_as_changed_without_its_values()
    {
        var before = FieldSnapshot.Empty.With("custom.pin", "1234", isSecret: true);
        var after = FieldSnapshot.Empty.With("custom.pin", "9876", isSecret: true);

        var change = Assert.Single(before.ChangesTo(after, At, Samples.Ana));

        Assert.True(change.IsSecret);
        Assert.Equal((HistoryEntry.Hidden, HistoryEntry.Hidden), (change.OldValue, change.NewValue));
        Assert.DoesNotContain("1234", change.ToString());
        Assert.DoesNotContain("9876", change.ToString());
    }

    [Fact]
    public void No_entry_can_carry_a_secret_value_whoever_builds_it() =>
        Assert.Equal(HistoryEntry.Hidden, new HistoryEntry(At, Samples.Ana, "custom.pin", null, "1234", isSecret: true).NewValue);

    [Fact]
    public void Replay_rebuilds_the_redacted_state()
    {
        var history = new ChangeHistory();
        var clock = Samples.Clock();
        var v1 = FieldSnapshot.Empty.With("name", "Acme").With("custom.pin", "1", isSecret: true);
        var v2 = v1.With("name", "Acme Ltda").With("custom.pin", "2", isSecret: true);
        history.Record(FieldSnapshot.Empty, v1, Samples.Ana, clock);
        history.Record(v1, v2, Samples.Bruno, clock);

        Assert.Equal(v2.Redacted(), history.Replay());
        Assert.Equal(HistoryEntry.Hidden, history.Replay()["custom.pin"]);
    }

    [Fact]
    public void Absorbing_a_history_keeps_it_whole_and_apart()
    {
        var mine = new ChangeHistory();
        var theirs = new ChangeHistory();
        theirs.Record(FieldSnapshot.Empty, FieldSnapshot.Empty.With("name", "Other"), Samples.Bruno, Samples.Clock());

        mine.Absorb("account:b", theirs);

        Assert.Empty(mine.Entries);
        var absorbed = Assert.Single(mine.Absorbed);
        Assert.Equal("account:b", absorbed.Source);
        Assert.Equal(theirs.Entries, absorbed.Entries);
    }
}
