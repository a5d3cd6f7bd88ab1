using Crm.Domain.Accounts;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Domain.Tests.Accounts;

public class AccountTests
{
    private static readonly AccountId Id = new(Guid.Parse("00000000-0000-0000-0000-0000000000c1"));

    internal static Account NewAccount(RegistrationForm? form = null, IClock? clock = null, AccountId? id = null) =>
        Account.Register(id ?? Id, Samples.Tenant, Samples.Valid(form ?? Samples.Company(), Samples.AccountContext()), Samples.Ana,
            clock ?? Samples.Clock());

    [Fact]
    public void Registering_records_every_field_with_who_and_when()
    {
        var clock = Samples.Clock();
        var account = NewAccount(clock: clock);

        Assert.Equal(Samples.Tenant, account.TenantId);
        Assert.Contains(account.History.Entries, e => e is { Field: "legal_name", OldValue: null, NewValue: "Padaria São João Ltda" });
        Assert.All(account.History.Entries, e => Assert.Equal((Samples.Ana, clock.GetCurrentInstant()), (e.By, e.At)));
        Assert.Equal(account.Snapshot(), account.History.Replay());
    }

    [Fact]
    public void An_update_records_only_what_changed()
    {
        var clock = Samples.Clock();
        var account = NewAccount(clock: clock);
        clock.AdvanceMinutes(5);

        var changes = account.Update(Samples.Valid(Samples.Company() with { TradeName = "Pão Quente" }, Samples.AccountContext()), Samples.Bruno, clock);

        var change = Assert.Single(changes.AsT0);
        Assert.Equal(("trade_name", "Padaria São João", "Pão Quente", Samples.Bruno, clock.GetCurrentInstant()),
            (change.Field, change.OldValue, change.NewValue, change.By, change.At));
    }

    [Fact]
    public void Lead_data_cannot_register_an_account()
    {
        var leadData = Samples.Valid(Samples.PersonLead(), Samples.LeadContext());

        Assert.Throws<ArgumentException>(() => Account.Register(Id, Samples.Tenant, leadData, Samples.Ana, Samples.Clock()));
    }

    [Fact]
    public void Secret_custom_fields_are_kept_but_never_shown_in_the_history()
    {
        var clock = Samples.Clock();
        var account = NewAccount(Samples.Company() with { CustomFields = [new CustomField("portal_password", "s3nh@", IsSecret: true)] }, clock);
        account.Update(Samples.Valid(Samples.Company() with { CustomFields = [new CustomField("portal_password", "n0va", IsSecret: true)] },
            Samples.AccountContext()), Samples.Ana, clock);

        Assert.Equal("n0va", Assert.Single(account.Data.CustomFields).Value);
        Assert.DoesNotContain(account.History.Entries, e => e.OldValue is "s3nh@" or "n0va" || e.NewValue is "s3nh@" or "n0va");
        Assert.Equal(2, account.History.Entries.Count(e => e is { Field: "custom.portal_password", IsSecret: true }));
        Assert.Equal(account.Snapshot().Redacted(), account.History.Replay());
    }

    [Fact]
    public void Erp_state_changes_are_recorded_and_the_status_is_applied_without_history()
    {
        var clock = Samples.Clock();
        var account = NewAccount(clock: clock);
        account.RecordErpState(new IntegratedWithErp("4711", new LocalDate(2026, 1, 5)), new LocalDate(2026, 2, 1), Samples.Ana, clock);
        var entries = account.History.Entries.Count;

        var change = Assert.Single(ErpStatusRecompute.Changes([account], IntegrationSystem.Erp, 6, new LocalDate(2026, 11, 22)));
        account.Apply(change);

        Assert.Equal((ErpSituation.NotIntegrated, ErpSituation.Inactive), (change.Old.Situation, change.New.Situation));
        Assert.Equal(ErpSituation.Inactive, account.ErpSituation);
        Assert.Equal(entries, account.History.Entries.Count);
        Assert.Contains(account.History.Entries, e => e is { Field: "erp.code", NewValue: "4711" });
        Assert.Equal(account.Snapshot(), account.History.Replay());
    }

    [Fact]
    public void The_batch_recompute_yields_only_the_accounts_whose_status_changed()
    {
        var clock = Samples.Clock();
        var buying = NewAccount(clock: clock, id: new AccountId(Guid.NewGuid()));
        buying.RecordErpState(new IntegratedWithErp("1", new LocalDate(2020, 1, 1)), new LocalDate(2026, 11, 1), Samples.Ana, clock);
        var lapsed = NewAccount(clock: clock, id: new AccountId(Guid.NewGuid()));
        lapsed.RecordErpState(new IntegratedWithErp("2", new LocalDate(2020, 1, 1)), new LocalDate(2025, 1, 1), Samples.Ana, clock);
        var local = NewAccount(clock: clock, id: new AccountId(Guid.NewGuid()));
        var today = new LocalDate(2026, 11, 22);

        foreach (var change in ErpStatusRecompute.Changes([buying, lapsed, local], IntegrationSystem.Erp, 6, today).ToList())
            (change.Account == buying.Id ? buying : lapsed).Apply(change);

        Assert.Equal([ErpSituation.Active, ErpSituation.Inactive, ErpSituation.NotIntegrated],
            new[] { buying, lapsed, local }.Select(a => a.ErpSituation));
        Assert.Empty(ErpStatusRecompute.Changes([buying, lapsed, local], IntegrationSystem.Erp, 6, today));
    }

    [Fact]
    public void A_status_change_for_another_account_is_a_bug()
    {
        var account = NewAccount();
        var change = new ErpStatusChange(new AccountId(Guid.NewGuid()), new ErpStatus(), new ErpStatus(IntegrationSystem.Erp, ErpSituation.Active));

        Assert.Throws<ArgumentException>(() => account.Apply(change));
    }

    private static readonly string[] Names = ["Padaria São João Ltda", "Pão Quente ME", "Acme S.A."];
    private static readonly string[] Emails = ["a@x.com.br", "b@y.com", "c@z.org"];
    private static readonly string[] Phones = ["(11) 3456-7890", "(21) 99876-5432", "0800 123 4567"];

    /// <summary>Random valid edits of the sample company: names, e-mails, phones, observations, a secret field.</summary>
    internal static Gen<RegistrationForm> Edits() =>
        from name in Gen.Elements(Names)
        from trade in Gen.Elements<string?>(null, "Pão Quente", "Acme")
        from emails in Gen.SubListOf(Emails).Where(l => l.Count > 0)
        from phones in Gen.SubListOf(Phones)
        from notes in Gen.ListOf(Gen.Elements("Entregar cedo", "Cliente antigo")).Select(l => l.Take(3).ToList())
        from pin in Gen.Elements<string?>(null, "1234", "9999")
        select Samples.Company() with
        {
            LegalName = name,
            TradeName = trade,
            Emails = [.. emails.Select(e => new EmailForm(e))],
            Phones = [.. phones.Select(p => new PhoneForm(PhoneType.Other, p))],
            Observations = [.. notes.Select(n => new Observation(ObservationType.General, n))],
            CustomFields = pin is null ? [] : [new CustomField("pin", pin, IsSecret: true)],
        };

    [Property(MaxTest = 50)]
    public Property The_history_replays_to_the_current_state() =>
        Prop.ForAll(Gen.NonEmptyListOf(Edits()).ToArbitrary(), edits =>
        {
            var clock = Samples.Clock();
            var account = NewAccount(edits[0], clock);
            foreach (var edit in edits.Skip(1))
            {
                clock.AdvanceSeconds(1);
                account.Update(Samples.Valid(edit, Samples.AccountContext()), Samples.Bruno, clock);
            }
            return account.History.Replay().Equals(account.Snapshot().Redacted())
                   && account.History.Entries.All(e => !e.IsSecret || e.NewValue is null or HistoryEntry.Hidden);
        });
}
