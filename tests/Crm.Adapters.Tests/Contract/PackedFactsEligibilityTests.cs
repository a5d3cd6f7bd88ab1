using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Adapters.Testing;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Adapters.Tests.Contract;

/// <summary>
/// Eligibility reads packed facts (the domain's internal RegistrationFacts) and falls back to the text for codes and short names
/// that do not pack (longer than the packing holds, or not ASCII). Renaming every code and name of a tenant into ones that
/// do not pack must not change any verdict: both paths answer the same questions.
/// </summary>
public sealed class PackedFactsEligibilityTests
{
    private static readonly IErpAdapter[] Adapters = [new DatasulAdapter(), new ProtheusAdapter(), new MegaAdapter()];

    // Rules about a code's own length or digits legitimately differ once the code is renamed; they are tested by example below.
    private static bool AboutTheTextItself(string code) => code.EndsWith(".too_long", StringComparison.Ordinal)
                                                             || code.EndsWith(".not_numeric", StringComparison.Ordinal);

    /// <summary>One tenant's codes and names as written: packable as given, or renamed so that none packs.</summary>
    private sealed record World(Func<string, string> Code, Func<string, string> Name)
    {
        public static World Packed { get; } = new(c => c, n => n);

        // "CÓDIGO-7" is not ASCII; "CODIGO-LONGO-7" is longer than nine characters; names get a non-ASCII letter or grow past 18.
        public static World[] Unpacked { get; } =
        [
            new(c => "CÓDIGO-" + c, n => n.Replace('A', 'Ã')),
            new(c => "CODIGO-LONGO-" + c, n => n + "-FILIAL-CENTRO"),
        ];

        public AccountSettings Settings() => new(
            clientTypes: new ClientTypeMapping(
                [new ClientType(Of("REV"), "Revenda"), new ClientType(Of("CFX"), "Sem documento", RequiresTaxId: false)],
                [new AccountType(Of("CLI"), "Cliente", true), new AccountType(Of("PRO"), "Prospect", false)],
                [(Of("REV"), Of("CLI")), (Of("REV"), Of("PRO")), (Of("CFX"), Of("PRO")), (Of("CFX"), Of("CLI"))]),
            clientGroups:
            [
                new ClientGroup(Of("10"), "Revendas", PersonKind.Juridica, true, new RegistrationDefaults()),
                new ClientGroup(Of("20"), "Revendas novas", PersonKind.Juridica, false, new RegistrationDefaults()),
            ]);

        public IntegratedMasterData MasterData() => new(
        [
            new(MasterDataKind.Representative, Of("7"), "Sul"),
            new(MasterDataKind.Carrier, Of("3"), "Rápida"),
            new(MasterDataKind.Portador, Of("1"), "Banco"),
            new(MasterDataKind.PaymentCondition, Of("15"), "30 dias"),
            new(MasterDataKind.PaymentCondition, Of("99"), "Fornecedores", Receivable: false),
            new(MasterDataKind.PaymentCondition, Of("98"), "Antiga", Active: false),
            new(MasterDataKind.PriceTable, Of("TB1"), "2026"),
            new(MasterDataKind.PriceTable, Of("TB9"), "2019", Active: false),
        ]);

        private MasterDataCode Of(string code) => MasterDataCode.Of(Code(code));

        public string? CodeOrNull(string? code) => code is null ? null : Code(code);
    }

    /// <summary>An account's choices: codes (known, unknown, inactive or absent), types, group, and whether another holds its name.</summary>
    public sealed record Choice(string ClientType, string? AccountType, string? ClientGroup, string? Representative, string? Carrier, string? Portador,
        string? PaymentCondition, string? PriceTable, bool WithTaxId, bool NameHeldByAnother, bool NameHeldByALeadInOtherCase);

    private static Arbitrary<Choice> Choices() =>
        (from clientType in Gen.Elements("REV", "CFX")
         // PRO does not integrate: REV × PRO is a registered pair whose accounts are not sent. An unknown group is refused at
         // registration, so it is not a choice here.
         from accountType in Gen.Elements<string?>("CLI", "PRO", null)
         from groupCode in Gen.Elements<string?>("10", "20", null)
         from representative in Gen.Elements<string?>("7", "8", null)
         from carrier in Gen.Elements<string?>("3", "4", null)
         from portador in Gen.Elements<string?>("1", "2", null)
         from condition in Gen.Elements<string?>("15", "99", "98", "16", null)
         from table in Gen.Elements<string?>("TB1", "TB9", "TB2", null)
         from withTaxId in ArbMap.Default.GeneratorFor<bool>()
         from heldByAnother in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
         from heldByLead in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
         select new Choice(clientType, accountType, groupCode, representative, carrier, portador, condition, table, withTaxId, heldByAnother, heldByLead))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Verdicts_do_not_depend_on_whether_codes_and_names_pack() =>
        Prop.ForAll(Choices(), choice =>
        {
            var packed = Verdicts(World.Packed, choice);
            return World.Unpacked.All(world => Verdicts(world, choice).SequenceEqual(packed))
                .Label($"packed: {string.Join(", ", packed)}");
        });

    [Fact]
    public void Codes_that_do_not_pack_are_measured_and_checked_as_text()
    {
        var world = World.Unpacked[1] with { Name = n => n };
        var account = Register(world, new Choice("REV", "CLI", "10", "7", "3", "1", "15", "TB1", true, false, false), out var context);

        var codes = new ProtheusAdapter().Evaluate(account, context).Problems.Select(p => p.Code).ToHashSet();

        // CODIGO-LONGO-7 is known to the ERP but has 14 characters; A1_TRANSP takes digits only.
        Assert.Equal(["protheus.carrier.not_numeric", "protheus.payment_condition.too_long", "protheus.price_table.too_long",
            "protheus.representative.too_long"], codes.Order());
        Assert.True(new DatasulAdapter().Evaluate(account, context).IsEligible);
    }

    [Fact]
    public void A_short_name_that_does_not_pack_is_still_unique_ignoring_case()
    {
        var directory = new ShortNameDirectory();
        var self = new AccountId(Guid.NewGuid());
        directory.Add(ShortName.From("Padaria São João Centro")!.Value, self);

        Assert.False(directory.IsHeldByAnother(ShortName.From("PADARIA SÃO JOÃO CENTRO")!.Value, self));
        Assert.True(directory.IsHeldByAnother(ShortName.From("padaria são joão centro")!.Value, new AccountId(Guid.NewGuid())));
        // 'ſ' upper-cases to 'S', yet .NET's OrdinalIgnoreCase (and so the CRM) tells "ſ" from "s": no false duplicate.
        directory.Add(ShortName.From("LOJAS")!.Value, new LeadId(Guid.NewGuid()));
        Assert.False(directory.IsHeldByAnother(ShortName.From("lojaſ")!.Value, self));
        Assert.True(directory.IsHeldByAnother(ShortName.From("lojas")!.Value, self));
    }

    [Fact]
    public void A_context_copied_with_other_settings_evaluates_under_them()
    {
        // Registered while client type CFX waived the CPF/CNPJ; the tenant then made it required.
        var account = Samples.Register(Samples.Company() with { ClientType = "CFX", AccountType = "PRO", TaxId = null, StateRegistration = null });
        var datasul = new DatasulAdapter();

        var copied = Samples.Context with { Settings = Samples.Stricter };

        Assert.DoesNotContain("datasul.tax_id.required", datasul.Evaluate(account, Samples.Context).Problems.Select(p => p.Code));
        Assert.Contains("datasul.tax_id.required", datasul.Evaluate(account, copied).Problems.Select(p => p.Code));
        Assert.Equal(Samples.StricterContext with { ShortNames = copied.ShortNames }, copied);
        Assert.NotEqual(Samples.Context, copied);
    }

    [Theory]
    [InlineData("PRO", true)]
    [InlineData("CLI", false)]
    [InlineData(null, false)]
    public void A_client_type_registered_with_an_account_type_that_does_not_integrate_is_not_sent(string? accountType, bool refused)
    {
        var choice = new Choice("REV", accountType, "10", "7", "3", "1", "15", "TB1", true, false, false);

        Assert.All(World.Unpacked.Prepend(World.Packed), world =>
            Assert.Equal(refused, Verdicts(world, choice).Contains("datasul.client_type.not_integrating@client_type")));
    }

    [Property(MaxTest = 100)]
    public Property Rules_from_a_field_alone_judge_as_rules_given_a_selector() =>
        Prop.ForAll(Choices(), choice =>
        {
            var rules = new AccountRules(DatasulAdapter.Id, "Datasul");
            (RegistrationField Field, MasterDataKind Kind, Func<Account, MasterDataCode?> Code)[] codes =
            [
                (RegistrationField.Representative, MasterDataKind.Representative, a => a.Data.Representative),
                (RegistrationField.Carrier, MasterDataKind.Carrier, a => a.Data.Carrier),
                (RegistrationField.Portador, MasterDataKind.Portador, a => a.Data.Portador),
                (RegistrationField.PaymentCondition, MasterDataKind.PaymentCondition, a => a.Data.PaymentCondition),
                (RegistrationField.PriceTable, MasterDataKind.PriceTable, a => a.Data.PriceTable),
                (RegistrationField.ClientGroup, MasterDataKind.PriceTable, a => a.Data.ClientGroup),
                (RegistrationField.Portfolio, MasterDataKind.Portador, a => a.Data.Portfolio),
            ];
            EligibilityRule[] byField =
            [
                .. codes.SelectMany(c => new[] { rules.Informed(c.Field), rules.Integrated(c.Field, c.Kind, activeOnly: true), rules.FitsIn(c.Field, 2) }),
                rules.FitsIn(RegistrationField.LegalName, 20), rules.FitsIn(RegistrationField.TradeName, 8), rules.FitsIn(RegistrationField.ShortName, 10),
            ];
            EligibilityRule[] bySelector =
            [
                .. codes.SelectMany(c => new[] { rules.Informed(c.Field, c.Code), rules.Integrated(c.Field, c.Kind, c.Code, activeOnly: true),
                    rules.FitsIn(c.Field, 2, a => c.Code(a)?.Value) }),
                rules.FitsIn(RegistrationField.LegalName, 20, a => a.Data.LegalName), rules.FitsIn(RegistrationField.TradeName, 8, a => a.Data.TradeName),
                rules.FitsIn(RegistrationField.ShortName, 10, a => a.Data.ShortName?.Value),
            ];
            return World.Unpacked.Prepend(World.Packed).All(world =>
            {
                var account = Register(world, choice, out var context);
                string[] Failures(EligibilityRule[] set) =>
                    [.. set.Where(r => !r.IsMet(account, context)).Select(r => $"{r.Code}: {r.MessageFor(account, context)}")];
                return Failures(byField).SequenceEqual(Failures(bySelector));
            });
        });

    [Fact]
    public void Rules_from_a_field_alone_cover_every_code_and_text_and_refuse_other_fields_when_built()
    {
        var rules = new AccountRules(DatasulAdapter.Id, "Datasul");
        var account = Samples.Register(Samples.Company() with { TradeName = "Padaria do Centro", Portfolio = null });

        Assert.False(rules.FitsIn(RegistrationField.TradeName, 10).IsMet(account, Samples.Context));
        Assert.True(rules.FitsIn(RegistrationField.TradeName, 17).IsMet(account, Samples.Context));
        Assert.False(rules.Informed(RegistrationField.Portfolio).IsMet(account, Samples.Context));
        Assert.True(rules.Integrated(RegistrationField.Portfolio, MasterDataKind.Carrier).IsMet(account, Samples.Context));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.Informed(RegistrationField.LegalName));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.Integrated(RegistrationField.Phone, MasterDataKind.Carrier));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.FitsIn(RegistrationField.TaxId, 14));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.Digits(RegistrationField.Owner, 6));
        Assert.Equal("datasul.emails.too_long", rules.FitsIn(RegistrationField.Email, 30).Code);
    }

    private static string[] Verdicts(World world, Choice choice)
    {
        var account = Register(world, choice, out var context);
        return [.. Adapters.SelectMany(adapter => adapter.Evaluate(account, context).Problems.Select(p => $"{p.Code}@{p.Field}"))
            .Where(code => !AboutTheTextItself(code[..code.IndexOf('@', StringComparison.Ordinal)]))];
    }

    private static Account Register(World world, Choice choice, out EligibilityContext context)
    {
        var settings = world.Settings();
        var name = world.Name("LOJA" + choice.GetHashCode().ToString("X8", System.Globalization.CultureInfo.InvariantCulture)[..4]);
        var form = Samples.Company() with
        {
            ShortName = name,
            // Registration itself requires the CNPJ of a reseller.
            TaxId = choice.WithTaxId || choice.ClientType == "REV" ? Samples.Cnpj : null,
            StateRegistration = null,
            ClientType = world.Code(choice.ClientType),
            AccountType = world.CodeOrNull(choice.AccountType),
            ClientGroup = world.CodeOrNull(choice.ClientGroup),
            Representative = world.CodeOrNull(choice.Representative),
            Carrier = world.CodeOrNull(choice.Carrier),
            Portador = world.CodeOrNull(choice.Portador),
            PaymentCondition = world.CodeOrNull(choice.PaymentCondition),
            PriceTable = world.CodeOrNull(choice.PriceTable),
            // No adapter checks the portfolio; it varies so that rules about a field the facts do not pack see codes too.
            Portfolio = world.CodeOrNull(choice.Representative),
        };
        var account = TestAccounts.Register(form, settings);
        var directory = new ShortNameDirectory();
        directory.Add(account.Data.ShortName!.Value, account.Id);
        if (choice.NameHeldByAnother)
            directory.Add(account.Data.ShortName!.Value, new AccountId(Guid.NewGuid()));
        if (choice.NameHeldByALeadInOtherCase)
            directory.Add(ShortName.From(name.ToLowerInvariant())!.Value, new LeadId(Guid.NewGuid()));
        context = new EligibilityContext(settings, world.MasterData(), directory);
        return account;
    }
}
