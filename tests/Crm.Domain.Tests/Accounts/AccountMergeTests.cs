using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Merging;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using NodaTime;

namespace Crm.Domain.Tests.Accounts;

public class AccountMergeTests
{
    private static readonly AccountId SurvivorId = new(Guid.Parse("00000000-0000-0000-0000-0000000000e1"));
    private static readonly AccountId AbsorbedId = new(Guid.Parse("00000000-0000-0000-0000-0000000000e2"));

    private static RegistrationForm Duplicate() => Samples.Company() with
    {
        LegalName = "PADARIA SAO JOAO LTDA",
        TradeName = null,
        Representative = "REP7",
        Addresses =
        [
            Samples.SaoPaulo(AddressKind.Correspondence, street: "Rua Antiga"),
            Samples.SaoPaulo(AddressKind.Delivery, isDefaultDelivery: true, street: "Rua da Filial") with { DeliveryPlace = "FILIAL" },
        ],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-0000"), new PhoneForm(PhoneType.Mobile, "(11) 98765-4321")],
        Emails = [new EmailForm("COMPRAS@padariasaojoao.com.br"), new EmailForm("financeiro@padariasaojoao.com.br")],
        Observations = [new Observation(ObservationType.Commercial, "Cliente desde 2010")],
        Marketing = [new MarketingConsent(MarketingChannel.Email, false, new LocalDate(2026, 6, 1), "telefone")],
    };

    internal static (Account Survivor, Account Absorbed) Pair(IClock clock)
    {
        var survivor = AccountTests.NewAccount(Samples.Company() with
        {
            Marketing = [new MarketingConsent(MarketingChannel.Email, true, new LocalDate(2025, 1, 1), "site")],
        }, clock, SurvivorId);
        var absorbed = AccountTests.NewAccount(Duplicate(), clock, AbsorbedId);
        return (survivor, absorbed);
    }

    [Fact]
    public void The_survivor_keeps_its_values_and_gains_every_relation_of_the_absorbed_account()
    {
        var clock = Samples.Clock();
        var (survivor, absorbed) = Pair(clock);
        var contact = ContactTests.NewContact(AbsorbedId);

        var merge = AccountMerge.Run(survivor, absorbed, [contact], Samples.AccountContext(), Samples.Bruno, clock).AsT0;

        var data = merge.Survivor.Data;
        Assert.Equal(("Padaria São João Ltda", "Padaria São João", "REP7"), (data.LegalName, data.TradeName, data.Representative?.Value));
        Assert.Equal(["Av. Paulista", "Av. Paulista", "Rua Augusta", "Rua da Filial"], data.Addresses.Select(a => a.Street));
        Assert.Equal("Rua Augusta", data.AddressOf(AddressKind.Delivery)!.Street);
        Assert.Equal(["+551134567890", "+5511987654321", "+551134560000"], data.Phones.Select(p => p.Number.Value));
        Assert.Equal(PhoneType.Other, data.Phones[2].Type);
        Assert.Equal(["compras@padariasaojoao.com.br", "financeiro@padariasaojoao.com.br"], data.Emails.Select(e => e.Address.Value));
        Assert.Equal(2, data.Observations.Count);
        Assert.False(Assert.Single(data.Marketing).OptedIn);
        Assert.Equal((RegistrationRef)SurvivorId, contact.Owner);
    }

    [Fact]
    public void Both_histories_are_kept_and_the_absorbed_account_points_to_the_survivor()
    {
        var clock = Samples.Clock();
        var (survivor, absorbed) = Pair(clock);
        var absorbedEntries = absorbed.History.Entries.ToList();

        AccountMerge.Run(survivor, absorbed, [], Samples.AccountContext(), Samples.Bruno, clock);

        Assert.Equal(absorbedEntries, Assert.Single(survivor.History.Absorbed).Entries);
        Assert.Equal([AbsorbedId], survivor.MergedFrom);
        Assert.Equal(SurvivorId, absorbed.MergedInto);
        Assert.Equal(survivor.Snapshot(), survivor.History.Replay());
        Assert.Equal(absorbed.Snapshot(), absorbed.History.Replay());
        Assert.Equal("account.frozen", Assert.Single(absorbed.Update(Samples.Valid(Duplicate(), Samples.AccountContext()), Samples.Ana, clock).AsT1.Problems).Code);
    }

    [Fact]
    public void The_survivor_inherits_the_erp_link_it_lacks()
    {
        var clock = Samples.Clock();
        var (survivor, absorbed) = Pair(clock);
        absorbed.RecordErpState(new IntegratedWithErp("4711", new LocalDate(2024, 1, 1)), new LocalDate(2026, 10, 1), Samples.Ana, clock);

        AccountMerge.Run(survivor, absorbed, [], Samples.AccountContext(), Samples.Bruno, clock);

        Assert.Equal("4711", survivor.Integration.AsT1.ErpCode);
        Assert.Equal(new LocalDate(2026, 10, 1), survivor.LastPurchase);
    }

    [Fact]
    public void Every_reason_not_to_merge_is_reported_and_nothing_changes()
    {
        var clock = Samples.Clock();
        var survivor = AccountTests.NewAccount(clock: clock, id: SurvivorId);
        var other = AccountTests.NewAccount(Samples.Company() with { TaxId = Samples.CnpjFrom(998887770001) }, clock, AbsorbedId);
        survivor.RecordErpState(new IntegratedWithErp("1", new LocalDate(2024, 1, 1)), null, Samples.Ana, clock);
        other.RecordErpState(new IntegratedWithErp("2", new LocalDate(2024, 1, 1)), null, Samples.Ana, clock);
        var before = survivor.Snapshot();

        var problems = AccountMerge.Run(survivor, other, [], Samples.AccountContext(), Samples.Bruno, clock).AsT1.Problems;

        Assert.Equal(["merge.both_integrated", "merge.tax_id_conflict"], problems.Select(p => p.Code).Order());
        Assert.Equal(before, survivor.Snapshot());
        Assert.Null(other.MergedInto);
        Assert.Contains("merge.same_account",
            AccountMerge.Run(survivor, survivor, [], Samples.AccountContext(), Samples.Bruno, clock).AsT1.Problems.Select(p => p.Code));
    }

    [Fact]
    public void An_account_already_merged_cannot_merge_again()
    {
        var clock = Samples.Clock();
        var (survivor, absorbed) = Pair(clock);
        AccountMerge.Run(survivor, absorbed, [], Samples.AccountContext(), Samples.Bruno, clock);
        var third = AccountTests.NewAccount(clock: clock, id: new AccountId(Guid.NewGuid()));

        Assert.Contains("merge.already_merged",
            AccountMerge.Run(third, absorbed, [], Samples.AccountContext(), Samples.Bruno, clock).AsT1.Problems.Select(p => p.Code));
    }
}
