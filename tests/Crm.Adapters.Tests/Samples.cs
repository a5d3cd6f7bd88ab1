using Crm.Adapters.Http;
using Crm.Adapters.Testing;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Eligibility;

namespace Crm.Adapters.Tests;

/// <summary>
/// A tenant configured as seed 000 describes: client type × account type mapping, client groups integrated or not, master
/// data known to the ERP; and accounts registered through the real rules.
/// </summary>
internal static class Samples
{
    // Classic published examples that pass the Receita Federal check digits (https://www.macoratti.net/alg_cnpj.htm,
    // https://www.macoratti.net/alg_cpf.htm); SP IE from the SINTEGRA examples used by the registry tests.
    public const string Cnpj = "11.222.333/0001-81";
    public const string Cpf = "111.444.777-35";
    public const string SpIe = "110.042.490.114";

    public static readonly MasterDataCode Revenda = MasterDataCode.Of("REV");
    public static readonly MasterDataCode SemDocumento = MasterDataCode.Of("CFX");

    /// <summary>The settings accounts are registered under: client type CFX waives the CPF/CNPJ and maps to a non-integrating account type.</summary>
    public static AccountSettings Registration { get; } = SettingsWhere(cfxRequiresTaxId: false);

    /// <summary>The same tenant after CFX was changed to require a CPF/CNPJ (what eligibility then sees).</summary>
    public static AccountSettings Stricter { get; } = SettingsWhere(cfxRequiresTaxId: true);

    // The built-in adapters' sample tenant, plus a client group that is not integrated; CFX may require a CPF/CNPJ.
    private static AccountSettings SettingsWhere(bool cfxRequiresTaxId)
    {
        var shipped = SampleTenant.Settings;
        return new AccountSettings(
            clientTypes: new ClientTypeMapping(
                [.. shipped.ClientTypes.ClientTypes.Select(t => t.Code == SemDocumento ? t with { RequiresTaxId = cfxRequiresTaxId } : t)],
                shipped.ClientTypes.AccountTypes, shipped.ClientTypes.Pairs),
            clientGroups:
            [
                .. shipped.ClientGroups.Values,
                new ClientGroup(MasterDataCode.Of("40"), "Consumidores novos", PersonKind.Fisica, IntegratedWithErp: false, new RegistrationDefaults()),
            ]);
    }

    /// <summary>What the ERP knows: the sample tenant's (representative 7, carrier 3, portador 1, condition 15, price table TB1), and conditions 99 (payable), 98 (inactive), price table TB9 (inactive).</summary>
    public static IntegratedMasterData MasterData { get; } = new(
    [
        .. Enum.GetValues<MasterDataKind>().SelectMany(SampleTenant.MasterData.All),
        new(MasterDataKind.PaymentCondition, MasterDataCode.Of("99"), "Fornecedores 60 dias", Receivable: false),
        new(MasterDataKind.PaymentCondition, MasterDataCode.Of("98"), "Antiga", Active: false),
        new(MasterDataKind.PriceTable, MasterDataCode.Of("TB9"), "Tabela 2019", Active: false),
    ]);

    public static AddressForm SaoPaulo(AddressKind kind, bool isDefaultDelivery = false, string street = "Av. Paulista", string? place = null) =>
        new(kind, street, "1000", "Conj. 12", "Bela Vista", "São Paulo", "SP", "01310-100", "3550308", null, isDefaultDelivery, place);

    /// <summary>A reseller that every adapter accepts.</summary>
    public static RegistrationForm Company() => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = "Padaria São João Ltda",
        TradeName = "Padaria São João",
        ShortName = "PADSJOAO",
        TaxId = Cnpj,
        StateRegistration = SpIe,
        ClientType = "REV",
        AccountType = "CLI",
        ClientGroup = "10",
        Representative = "7",
        Carrier = "3",
        Portador = "1",
        PaymentCondition = "15",
        PriceTable = "TB1",
        Addresses =
        [
            SaoPaulo(AddressKind.Correspondence),
            SaoPaulo(AddressKind.Billing),
            SaoPaulo(AddressKind.Delivery, isDefaultDelivery: true, street: "Rua Augusta", place: "LOJA1"),
        ],
        Phones =
        [
            new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7890", "12"),
            new PhoneForm(PhoneType.FaxErp1, "(11) 3456-7891"),
            new PhoneForm(PhoneType.WhatsApp, "(11) 98765-4321"),
        ],
        Emails = [new EmailForm("compras@padariasj.com.br"), new EmailForm("nfe@padariasj.com.br", EmailPurpose.Nfe)],
        OtherContacts = [new ElectronicContact(ElectronicContactKind.Website, "https://padariasj.com.br")],
        Observations = [new Observation(ObservationType.Integration, "Entregar pela manhã"), new Observation(ObservationType.Commercial, "Cliente desde 1998")],
    };

    /// <summary>The company with texts longer than every ERP field: street, district, city, e-mails and notes.</summary>
    public static RegistrationForm LongTexts() => Company() with
    {
        ShortName = "PADSJLONGO",
        LegalName = "Padaria e Confeitaria São João do Bairro",
        TradeName = "Padaria, Confeitaria e Rotisseria São João do Bairro de Santana de Parnaíba",
        Addresses =
        [
            new AddressForm(AddressKind.Correspondence, "Avenida Engenheiro Luís Carlos Berrini Extensão Norte do Complexo Empresarial Jardim", "1500", "Bloco B, sala 1203, edifício comercial Torre Norte Executiva", "Jardim Paulistano Residencial das Flores", "Santana de Parnaíba", "SP", "06500-000", "3547304", Country),
            new AddressForm(AddressKind.Billing, "Rua Professor Doutor Antônio de Almeida Prado Filho", "77", null, "Cidade Universitária Armando de Salles Oliveira", "Santana de Parnaíba", "SP", "06500-000", "3547304", Country),
            new AddressForm(AddressKind.Delivery, "Estrada Municipal dos Romeiros Quilômetro Trinta e Dois", "s/n", null, "Distrito Industrial Fazendinha", "Santana de Parnaíba", "SP", "06500-000", "3547304", Country, true, "CENTRO-DISTRIBUICAO-1"),
        ],
        Phones = [.. Company().Phones, new PhoneForm(PhoneType.FaxErp2, "(11) 3456-7892")],
        OtherContacts = [new ElectronicContact(ElectronicContactKind.Website, "https://www.padariaeconfeitariasaojoaodobairro.com.br/lojas")],
        Emails = [new EmailForm("compras@padariasj.com.br"), .. Enumerable.Range(1, 30).Select(i => new EmailForm($"notas.fiscais.{i}@padariasj.com.br", EmailPurpose.Nfe))],
        Observations = [new Observation(ObservationType.Integration, string.Concat(Enumerable.Repeat("Entregar pela manhã, portão 3. ", 80)))],
    };

    // Longer than Datasul's pais (20).
    private const string Country = "República Federativa do Brasil";

    public static Account Register(RegistrationForm form) => TestAccounts.Register(form, Registration);

    /// <summary>The short names the tenant holds: the eligible accounts' own, and one held by a lead.</summary>
    public static ShortNameDirectory ShortNames()
    {
        var directory = new ShortNameDirectory();
        foreach (var form in new[] { Company(), LongTexts() })
            directory.Add(ShortName.From(form.ShortName)!.Value, Register(form).Id);
        directory.Add(ShortName.From("TOMADO")!.Value, new LeadId(Guid.Parse("00000000-0000-0000-0000-00000000ead1")));
        return directory;
    }

    public static EligibilityContext Context { get; } = new(Registration, MasterData, ShortNames());

    public static EligibilityContext StricterContext { get; } = new(Stricter, MasterData, ShortNames());
}
