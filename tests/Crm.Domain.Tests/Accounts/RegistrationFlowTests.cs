using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Accounts;

/// <summary>The save flow an application runs: ask the short-name port, validate with the duplicate index, register.</summary>
public class RegistrationFlowTests
{
    /// <summary>What a host's store answers, kept in memory for the test.</summary>
    private sealed class InMemoryShortNames : IShortNameRegistry
    {
        private readonly Dictionary<(TenantId, string), RegistrationRef> _owners = [];

        public void Claim(TenantId tenant, ShortName name, RegistrationRef owner) => _owners[(tenant, name.Key)] = owner;

        public ValueTask<RegistrationRef?> FindOwnerAsync(TenantId tenant, ShortName shortName, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_owners.GetValueOrDefault((tenant, shortName.Key)));
    }

    private static async Task<RegistrationResult> Save(RegistrationForm form, AccountId id, IShortNameRegistry shortNames,
        DuplicateIndex<AccountId> index)
    {
        var owner = ShortName.From(form.ShortName) is { } name ? await shortNames.FindOwnerAsync(Samples.Tenant, name) : null;
        var context = Samples.AccountContext() with
        {
            Self = id, ShortNameOwner = owner, CheckDuplicates = keys => index.Find(keys, id).ToProblems("account"),
        };
        return RegistrationRules.Validate(form, context);
    }

    [Fact]
    public async Task A_second_account_with_the_same_cnpj_and_short_name_is_refused_naming_both()
    {
        var shortNames = new InMemoryShortNames();
        var index = new DuplicateIndex<AccountId>();
        var first = new AccountId(Guid.NewGuid());
        var account = Account.Register(first, Samples.Tenant, (await Save(Samples.Company(), first, shortNames, index)).AsT0, Samples.Ana, Samples.Clock());
        shortNames.Claim(Samples.Tenant, account.Data.ShortName!.Value, first);
        index.Add(first, account.Data.DuplicateKeys());

        var second = await Save(Samples.Company() with { ShortName = "padsjoao" }, new AccountId(Guid.NewGuid()), shortNames, index);

        // One match per record and rule: the two shared phones and the two similar names each count once.
        Assert.Equal(["account.cnpj_root.duplicate", "account.emails.duplicate", "account.name.similar", "account.phones.duplicate",
                      "account.short_name.duplicate", "account.tax_id.duplicate"],
            second.Problems.Select(p => p.Code).Order());
        Assert.True(second.IsT1);
    }

    [Fact]
    public async Task Editing_an_account_does_not_find_it_duplicating_itself()
    {
        var shortNames = new InMemoryShortNames();
        var index = new DuplicateIndex<AccountId>();
        var id = new AccountId(Guid.NewGuid());
        var account = Account.Register(id, Samples.Tenant, (await Save(Samples.Company(), id, shortNames, index)).AsT0, Samples.Ana, Samples.Clock());
        shortNames.Claim(Samples.Tenant, account.Data.ShortName!.Value, id);
        index.Add(id, account.Data.DuplicateKeys());

        var edit = await Save(Samples.Company() with { TradeName = "Pão Quente" }, id, shortNames, index);

        Assert.True(edit.IsValid);
        Assert.Empty(edit.Problems);
    }

    private static readonly (RegistrationField Field, Func<RegistrationForm, RegistrationForm> Blank)[] Blankable =
    [
        (RegistrationField.LegalName, f => f with { LegalName = null }),
        (RegistrationField.TradeName, f => f with { TradeName = " " }),
        (RegistrationField.ShortName, f => f with { ShortName = "" }),
        (RegistrationField.TaxId, f => f with { TaxId = null }),
        (RegistrationField.Email, f => f with { Emails = [] }),
        (RegistrationField.Phone, f => f with { Phones = [] }),
        (RegistrationField.BillingAddress, f => f with { Addresses = [.. f.Addresses.Where(a => a.Kind != AddressKind.Billing)] }),
        (RegistrationField.DeliveryAddress, f => f with { Addresses = [.. f.Addresses.Where(a => a.Kind != AddressKind.Delivery)] }),
    ];

    [Property]
    public Property Blanking_any_set_of_mandatory_fields_reports_exactly_those_fields() =>
        Prop.ForAll(Gen.SubListOf(Blankable).ToArbitrary(), blanked =>
        {
            var settings = new AccountSettings(accountMandatory: [RegistrationField.TradeName, RegistrationField.Phone,
                RegistrationField.BillingAddress, RegistrationField.DeliveryAddress]);
            var form = blanked.Aggregate(Samples.Company(), (f, b) => b.Blank(f));

            var problems = RegistrationRules.Validate(form, Samples.AccountContext(settings)).Problems;

            return problems.All(p => p.Severity == Severity.Error)
                   && problems.Select(p => p.Code).Order().SequenceEqual(blanked.Select(b => $"account.{b.Field.Path()}.required").Order());
        });
}
