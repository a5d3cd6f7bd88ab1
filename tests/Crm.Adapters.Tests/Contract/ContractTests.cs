using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Mapping;
using Crm.Domain.Integration.Messages;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Adapters.Tests.Contract;

/// <summary>The adapter contract's value types and their algebra.</summary>
public sealed class ContractTests
{
    private static Arbitrary<ContractVersion> Versions() =>
        Gen.Choose(0, 3).SelectMany(major => Gen.Choose(0, 5).Select(minor => new ContractVersion(major, minor))).ToArbitrary();

    [Property]
    public Property A_host_accepts_itself_and_every_older_minor_of_its_major() =>
        Prop.ForAll(Versions(), Versions(), (host, adapter) =>
            host.Accepts(host) && host.Accepts(adapter) == (adapter.Major == host.Major && adapter.Minor <= host.Minor));

    [Property]
    public Property Acceptance_is_transitive_within_a_major() =>
        Prop.ForAll(Versions(), Versions(), Versions(), (a, b, c) => !(a.Accepts(b) && b.Accepts(c)) || a.Accepts(c));

    [Fact]
    public void Contract_1_3_only_adds_so_hosts_run_adapters_built_for_1_0_to_1_2_and_older_hosts_refuse_1_3_adapters()
    {
        Assert.Equal(new ContractVersion(1, 3), ContractVersion.Current);
        Assert.True(ContractVersion.Current.Accepts(new ContractVersion(1, 0)));
        Assert.True(ContractVersion.Current.Accepts(new ContractVersion(1, 1)));
        Assert.True(ContractVersion.Current.Accepts(new ContractVersion(1, 2)));
        Assert.False(new ContractVersion(1, 2).Accepts(ContractVersion.Current));
    }

    [Fact]
    public void The_built_in_adapters_state_the_version_they_were_compiled_against()
    {
        // Constants are copied into the adapter's assembly, so this is the version of the Crm.Domain they were built with.
        var compiled = new ContractVersion(ContractVersion.CompiledMajor, ContractVersion.CompiledMinor);
        Assert.All(new IErpAdapter[] { new DatasulAdapter(), new ProtheusAdapter(), new MegaAdapter() },
            adapter => Assert.Equal(compiled, adapter.Descriptor.BuiltFor));
        Assert.Equal(new ContractVersion(1, 0), new AdapterDescriptor(ErpId.Of("acme"), "Acme", ErpCapabilities.ExportAccounts, 1, 0).BuiltFor);
    }

    [Property]
    public Property Every_erp_id_prefixes_valid_rule_codes() =>
        Prop.ForAll(Gen.Elements([.. "abcdefghijklmnopqrstuvwxyz0123456789-_"]).ArrayOf().Where(c => c.Length is >= 2 and <= 32)
            .Select(c => new string(c)).ToArbitrary(), text =>
        {
            var erp = ErpId.Of(text);
            var rules = new AccountRules(erp, "Qualquer");
            return rules.ClientTypeIntegrates().Code.StartsWith(erp.Value + ".", StringComparison.Ordinal)
                   && rules.FitsIn(RegistrationField.LegalName, 40).Code == $"{erp.Value}.legal_name.too_long";
        });

    [Theory]
    [InlineData("datasul..too_long")]
    [InlineData("Datasul.x")]
    [InlineData("datasul.x y")]
    [InlineData(".datasul")]
    public void Malformed_rule_codes_are_refused(string code) =>
        Assert.Throws<ArgumentException>(() => new EligibilityRule(code, "", "Regra.", static (_, _) => true));

    [Fact]
    public void The_1_0_rules_given_a_selector_keep_their_signatures()
    {
        // A 1.0 adapter binds to these exact signatures; without them it would load and fail with MissingMethodException.
        Type[][] signatures =
        [
            [typeof(RegistrationField), typeof(Func<Account, MasterDataCode?>)],
            [typeof(RegistrationField), typeof(MasterDataKind), typeof(Func<Account, MasterDataCode?>), typeof(bool)],
            [typeof(RegistrationField), typeof(int), typeof(Func<Account, string?>)],
        ];
        string[] names = ["Informed", "Integrated", "FitsIn"];

        Assert.All(names.Zip(signatures), m =>
            Assert.Equal(typeof(EligibilityRule), typeof(AccountRules).GetMethod(m.First, m.Second)?.ReturnType));
    }

    [Fact]
    public void Versions_print_as_major_dot_minor_and_order_by_major_then_minor()
    {
        Assert.Equal("1.10", new ContractVersion(1, 10).ToString());
        Assert.True(new ContractVersion(1, 10).CompareTo(new ContractVersion(2, 0)) < 0);
        Assert.True(new ContractVersion(1, 10).CompareTo(new ContractVersion(1, 9)) > 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContractVersion(-1, 0));
    }

    [Theory]
    [InlineData("datasul", true)]
    [InlineData("senior-x2", true)]
    [InlineData("Datasul", false)]
    [InlineData("d", false)]
    [InlineData("mega erp", false)]
    public void Erp_ids_are_lowercase_letters_digits_and_hyphens(string text, bool valid)
    {
        if (valid)
            Assert.Equal(text, ErpId.Of(text).Value);
        else
            Assert.Throws<ArgumentException>(() => ErpId.Of(text));
    }

    [Property]
    public Property The_street_line_splits_back_into_what_it_joined(NonEmptyString street, NonEmptyString number)
    {
        var s = street.Get.Trim();
        var n = number.Get.Trim();
        return (PayloadText.SplitStreetLine(PayloadText.StreetLine(s, n)) == (s, n))
            .When(s.Length > 0 && n.Length > 0 && !n.Contains(", ", StringComparison.Ordinal));
    }

    [Property]
    public Property Joining_a_split_line_gives_the_line_back(NonEmptyString line)
    {
        var text = line.Get;
        var (street, number) = PayloadText.SplitStreetLine(text);
        return (PayloadText.StreetLine(street, number) == text).ToProperty();
    }

    [Property]
    public Property Fit_never_exceeds_the_limit_and_is_idempotent(string? text, PositiveInt max)
    {
        var fitted = PayloadText.Fit(text, max.Get);
        return ((fitted?.Length ?? 0) <= max.Get && PayloadText.Fit(fitted, max.Get) == fitted).ToProperty();
    }

    [Fact]
    public void Join_fitting_keeps_whole_items_only()
    {
        Assert.Equal("a@x.com;b@x.com", PayloadText.JoinFitting(["a@x.com", "b@x.com", "c@x.com"], ";", 20));
        Assert.Null(PayloadText.JoinFitting(["too-long-to-fit@x.com"], ";", 5));
    }

    [Fact]
    public void Idempotency_keys_depend_on_every_part()
    {
        var account = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var key = IdempotencyKey.Of(ErpId.Of("datasul"), "customerPublic", account, "{}");
        Assert.Matches("^[0-9a-f]{64}$", key.Value);
        Assert.Equal(key, IdempotencyKey.Of(ErpId.Of("datasul"), "customerPublic", account, "{}"));
        Assert.NotEqual(key, IdempotencyKey.Of(ErpId.Of("protheus"), "customerPublic", account, "{}"));
        Assert.NotEqual(key, IdempotencyKey.Of(ErpId.Of("datasul"), "customerVendor", account, "{}"));
        Assert.NotEqual(key, IdempotencyKey.Of(ErpId.Of("datasul"), "customerPublic", Guid.Empty, "{}"));
        Assert.NotEqual(key, IdempotencyKey.Of(ErpId.Of("datasul"), "customerPublic", account, "{ }"));
    }

    [Fact]
    public void Rule_sets_and_limits_refuse_duplicates()
    {
        EligibilityRule Rule(string code) => new(code, "f", "d", static (_, _) => true);
        Assert.Throws<ArgumentException>(() => new EligibilityRules([Rule("x.a"), Rule("x.a")]));
        Assert.Throws<ArgumentException>(() => Rule("X.Upper"));
        Assert.Throws<ArgumentException>(() => new FieldLimits([new("a", "p", 3), new("b", "p", 4)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldLimits([new("a", "p", 0)]));
    }

    [Fact]
    public void Field_limits_on_registration_fields_become_erp_requirements()
    {
        var limits = new FieldLimits([new("nome", "name", 40, RegistrationField.LegalName), new("end", "address", 80)]);
        var requirements = limits.Requirements("Acme", [RegistrationField.Email]);

        Assert.Equal(40, limits.Of(RegistrationField.LegalName));
        Assert.Null(limits.Of(RegistrationField.TradeName));
        Assert.Equal(new Dictionary<RegistrationField, int> { [RegistrationField.LegalName] = 40 }, requirements.MaxLengths);
        Assert.Equal([RegistrationField.Email], requirements.Required);
    }

    [Fact]
    public void Short_name_directory_ignores_case_and_the_asking_account()
    {
        var self = new AccountId(Guid.NewGuid());
        var directory = new ShortNameDirectory();
        directory.Add(ShortName.From("PadSJoao")!.Value, self);
        directory.Add(ShortName.From("LEAD1")!.Value, new LeadId(Guid.NewGuid()));

        Assert.False(directory.IsHeldByAnother(ShortName.From("PADSJOAO")!.Value, self));
        Assert.True(directory.IsHeldByAnother(ShortName.From("padsjoao")!.Value, new AccountId(Guid.NewGuid())));
        Assert.True(directory.IsHeldByAnother(ShortName.From("lead1")!.Value, self));
        Assert.False(directory.IsHeldByAnother(ShortName.From("LIVRE")!.Value, self));

        directory.Add(ShortName.From("PADSJOAO")!.Value, new AccountId(Guid.NewGuid()));
        Assert.True(directory.IsHeldByAnother(ShortName.From("PADSJOAO")!.Value, self));
    }

    [Fact]
    public void An_eligible_account_shares_one_result_and_a_refused_one_lists_its_problems()
    {
        var rules = new EligibilityRules(
        [
            new("x.always", "a", "passes", static (_, _) => true),
            new("x.kind", "kind", "física only", static (a, _) => a.Data.Kind == PersonKind.Fisica),
            new("x.name", "legal_name", "short names only", static (a, _) => a.Data.LegalName.Length < 5, static (a, _) => $"{a.Data.LegalName} is long"),
        ]);
        var account = Samples.Register(Samples.Company());

        var refused = rules.Evaluate(account, Samples.Context);

        Assert.Same(EligibilityResult.Eligible, new EligibilityRules([]).Evaluate(account, Samples.Context));
        Assert.Equal(["x.kind", "x.name"], refused.Problems.Select(p => p.Code));
        Assert.Equal(["física only", "Padaria São João Ltda is long"], refused.Problems.Select(p => p.Message));
        Assert.Equal(["kind", "legal_name"], refused.Problems.Select(p => p.Field));
    }
}
