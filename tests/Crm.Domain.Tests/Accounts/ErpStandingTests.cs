using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Merging;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Domain.Tests.Accounts;

/// <summary>The pull's ERP standing recorded on an account (issue 13 item 3).</summary>
public class ErpStandingTests
{
    private static readonly Instant ReadAt = Instant.FromUtc(2026, 11, 22, 3, 0);

    private static readonly ErpStanding Protheus = new(ErpSituation.Active, null, 50_000m, new LocalDate(2027, 6, 30), 12_345.67m, ReadAt);

    private static Account Integrated(FakeClock clock, string erpCode = "000123")
    {
        var account = AccountTests.NewAccount(clock: clock);
        account.RecordErpState(new IntegratedWithErp(erpCode, new LocalDate(2025, 3, 1)), new LocalDate(2026, 9, 15), Samples.Ana, clock);
        return account;
    }

    [Fact]
    public void A_first_standing_is_stored_with_one_entry_per_exposed_part()
    {
        var clock = Samples.Clock();
        var account = Integrated(clock);

        var entries = account.RecordErpStanding("000123", Protheus, Samples.Bruno, clock).AsT0;

        Assert.Equal(Protheus, account.ErpStanding);
        Assert.Equal(
            [
                ("erp.standing.credit_limit", "50000"), ("erp.standing.credit_limit_expires_on", "2027-06-30"),
                ("erp.standing.open_balance", "12345.67"), ("erp.standing.situation", "Active"),
            ],
            entries.Select(e => (e.Field, e.NewValue!)).Order());
        Assert.All(entries, e => Assert.Equal(Samples.Bruno, e.By));
        Assert.Equal(new LocalDate(2026, 9, 15), account.LastPurchase); // Protheus does not expose it: the stored one stays
    }

    [Fact]
    public void A_change_of_one_part_writes_one_history_entry_and_takes_the_new_read_instant()
    {
        var clock = Samples.Clock();
        var account = Integrated(clock);
        account.RecordErpStanding("000123", Protheus, Samples.Bruno, clock);
        var later = Protheus with { OpenBalance = 20_000m, ReadAt = ReadAt.Plus(Duration.FromHours(24)) };

        var entry = Assert.Single(account.RecordErpStanding("000123", later, Samples.Bruno, clock).AsT0);

        Assert.Equal(("erp.standing.open_balance", "12345.67", "20000"), (entry.Field, entry.OldValue, entry.NewValue));
        Assert.Equal(later, account.ErpStanding);
        Assert.Equal(entry, account.History.Entries[^1]);
    }

    [Fact]
    public void A_standing_that_says_the_same_changes_nothing_and_writes_no_history()
    {
        var clock = Samples.Clock();
        var account = Integrated(clock);
        account.RecordErpStanding("000123", Protheus, Samples.Bruno, clock);
        var entries = account.History.Entries.Count;

        // read again a day later, same values (50000.00 equals 50000)
        var again = account.RecordErpStanding("000123", Protheus with { CreditLimit = 50_000.00m, ReadAt = ReadAt.Plus(Duration.FromDays(1)) },
            Samples.Bruno, clock);

        Assert.Empty(again.AsT0);
        Assert.Equal(entries, account.History.Entries.Count);
        Assert.Equal(ReadAt, account.ErpStanding!.ReadAt);
    }

    [Fact]
    public void An_exposed_last_purchase_becomes_the_accounts_last_purchase_and_parts_not_exposed_stay_unknown()
    {
        var clock = Samples.Clock();
        var account = Integrated(clock);
        // Datasul: situation, last purchase and limit, no open balance
        var datasul = new ErpStanding(ErpSituation.Inactive, new LocalDate(2026, 11, 2), 8_000m, null, null, ReadAt);

        var entries = account.RecordErpStanding("000123", datasul, Samples.Bruno, clock).AsT0;

        Assert.Equal(new LocalDate(2026, 11, 2), account.LastPurchase);
        Assert.Null(account.ErpStanding!.OpenBalance);
        Assert.Equal(["erp.last_purchase", "erp.standing.credit_limit", "erp.standing.situation"], entries.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_standing_with_nothing_exposed_is_still_recorded_as_read()
    {
        var clock = Samples.Clock();
        var account = Integrated(clock);
        var mega = new ErpStanding(null, null, null, null, null, ReadAt);

        var entries = account.RecordErpStanding("000123", mega, Samples.Bruno, clock).AsT0;

        Assert.Empty(entries); // nothing known, nothing to tell the history
        Assert.Equal(mega, account.ErpStanding);
    }

    [Fact]
    public void A_standing_for_another_erp_code_is_a_problem_and_changes_nothing()
    {
        var clock = Samples.Clock();
        var account = Integrated(clock);
        var before = (account.Snapshot(), account.History.Entries.Count);

        var problems = account.RecordErpStanding("123", Protheus, Samples.Bruno, clock).AsT1.Problems;

        Assert.Equal((AccountCodes.ErpCodeMismatch, "erp.code"), (Assert.Single(problems).Code, problems[0].Field));
        Assert.Contains("000123", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, (account.Snapshot(), account.History.Entries.Count));
        Assert.Null(account.ErpStanding);
    }

    public static TheoryData<string> NotWithTheErp => ["none", "gp"];

    [Theory]
    [MemberData(nameof(NotWithTheErp))]
    public void An_account_not_integrated_with_the_erp_has_no_standing_to_record(string integration)
    {
        var clock = Samples.Clock();
        var account = AccountTests.NewAccount(clock: clock);
        if (integration == "gp")
            account.RecordErpState(new IntegratedWithGp("000123", true), null, Samples.Ana, clock);
        var entries = account.History.Entries.Count;

        var problem = Assert.Single(account.RecordErpStanding("000123", Protheus, Samples.Bruno, clock).AsT1.Problems);

        Assert.Equal(AccountCodes.ErpNotIntegrated, problem.Code);
        Assert.Null(account.ErpStanding);
        Assert.Equal(entries, account.History.Entries.Count);
    }

    [Fact]
    public void A_merged_account_is_frozen_and_the_survivor_takes_its_standing_with_its_erp_link()
    {
        var clock = Samples.Clock();
        var (survivor, absorbed) = AccountMergeTests.Pair(clock);
        absorbed.RecordErpState(new IntegratedWithErp("4711", new LocalDate(2024, 1, 1)), null, Samples.Ana, clock);
        absorbed.RecordErpStanding("4711", Protheus, Samples.Ana, clock);

        AccountMerge.Run(survivor, absorbed, [], Samples.AccountContext(), Samples.Bruno, clock);

        Assert.Equal(Protheus, survivor.ErpStanding);
        Assert.Equal("account.frozen", Assert.Single(absorbed.RecordErpStanding("4711", Protheus with { OpenBalance = 1m }, Samples.Ana, clock)
            .AsT1.Problems).Code);
    }

    // Recording is idempotent: the same read applied twice leaves the account, its history included, as applying it once.
    [Property(MaxTest = 60)]
    public bool Recording_the_same_standing_twice_equals_recording_it_once(bool active, int? limitCents, int? balanceCents, byte? daysAgo,
        bool readAgainLater)
    {
        var standing = new ErpStanding(active ? ErpSituation.Active : ErpSituation.Inactive,
            daysAgo is { } days ? new LocalDate(2026, 11, 22).PlusDays(-days) : null, limitCents / 100m, null, balanceCents / 100m, ReadAt);
        var clock = Samples.Clock();
        var once = Integrated(clock);
        var twice = Integrated(clock);
        once.RecordErpStanding("000123", standing, Samples.Bruno, clock);
        twice.RecordErpStanding("000123", standing, Samples.Bruno, clock);
        clock.Advance(Duration.FromHours(1));

        var second = twice.RecordErpStanding("000123", readAgainLater ? standing with { ReadAt = ReadAt.Plus(Duration.FromHours(1)) } : standing,
            Samples.Bruno, clock);

        return second.AsT0.Count == 0
               && once.ErpStanding == twice.ErpStanding
               && once.Snapshot().Equals(twice.Snapshot())
               && once.History.Entries.SequenceEqual(twice.History.Entries);
    }
}
