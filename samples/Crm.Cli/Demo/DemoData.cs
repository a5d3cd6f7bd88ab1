using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Tenancy;

namespace Crm.Cli.Demo;

/// <summary>One person of the demo: a user of the tenant, its role, its manager and how many accounts and leads it registers.</summary>
internal sealed record DemoPerson(string Login, string Name, StandardRole Role, string? Manager, int Accounts, int Leads, UserId Id);

/// <summary>
/// The sample tenant of <c>crm demo</c>: one company with a Matriz and a Filial, a Diretora, a Coordenador with two
/// Usuários under him, a Usuária outside his team, a board released to the Usuários with Ana's saved filter "Meus cartões"
/// in use; then the default sales funnel and each person's accounts and leads (a card per lead). All of it is written
/// through the engine's use cases. The tenant, company and user ids are fixed so that every run finds what the previous
/// one stored.
/// </summary>
internal static class DemoData
{
    /// <summary>The demo tenant's fixed id: every run finds the tenant the previous run provisioned.</summary>
    public static readonly TenantId Tenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));

    public const string TenantName = "Alimentos Exemplo (demo)";

    public static readonly CompanyId Company = new(Guid.Parse("de300000-0000-4000-8000-0000000000c1"));
    public static readonly BranchId Matriz = new(Guid.Parse("de300000-0000-4000-8000-0000000000b1"));

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("marina", "Marina Diretora", StandardRoles.Diretor, null, 2, 0, Id(1)),
        new("carlos", "Carlos Coordenador", StandardRoles.Coordenador, "marina", 2, 1, Id(2)),
        new("ana", "Ana Vendedora", StandardRoles.Usuario, "carlos", 2, 1, Id(3)),
        new("bruno", "Bruno Vendedor", StandardRoles.Usuario, "carlos", 2, 1, Id(4)),
        new("paula", "Paula Vendedora", StandardRoles.Usuario, "marina", 2, 1, Id(5)),
    ];

    /// <summary>The person of <paramref name="login"/>.</summary>
    public static DemoPerson Person(string login) => People.Single(p => p.Login == login);

    /// <summary>The board filter Ana saved and uses: the cards she sells.</summary>
    public const string MyCardsFilter = "Meus cartões";

    /// <summary>The demo's client type, mapped to account types PROSPECT (not sent to the ERP) and CLIENTE (sent).</summary>
    public static readonly MasterDataCode Revenda = MasterDataCode.Of("REV");

    /// <summary>
    /// The tenant's client types × account types: accounts of client type REV are sent to the ERP, unless the funnel made them
    /// a PROSPECT (an account type that does not integrate) and not yet a CLIENTE.
    /// </summary>
    public static ClientTypeMapping ClientTypes => new(
        [new ClientType(Revenda, "Revenda")],
        [new AccountType(MasterDataCode.Of("PROSPECT"), "Prospect", IntegratesWithErp: false), new AccountType(MasterDataCode.Of("CLIENTE"), "Cliente", IntegratesWithErp: true)],
        [(Revenda, MasterDataCode.Of("PROSPECT")), (Revenda, MasterDataCode.Of("CLIENTE"))]);

    /// <summary>The stages of the demo's sales funnel: qualifying promotes the account to PROSPECT, winning to CLIENTE.</summary>
    public static IReadOnlyList<StageDefinition> FunnelStages => DefaultPipeline.Stages(MasterDataCode.Of("PROSPECT"), MasterDataCode.Of("CLIENTE"));

    /// <summary>The company (with its head office and one branch) the structure step registers: its form, its branches' ids and forms.</summary>
    public static readonly UnitForm CompanyForm = new("1", "Alimentos Exemplo S.A.", "Exemplo", Cnpj(1));

    /// <summary>The company's branches: the Matriz (head office) and a Filial.</summary>
    public static readonly IReadOnlyList<(BranchId Id, UnitForm Form, bool IsMatriz)> Branches =
    [
        (Matriz, new UnitForm("1", "Matriz São Paulo", null, Cnpj(1)), true),
        (new BranchId(Guid.Parse("de300000-0000-4000-8000-0000000000b2")), new UnitForm("2", "Filial Curitiba", null, Cnpj(1, branch: 2)), false),
    ];

    /// <summary>The board Marina creates, its stages with their stagnant days, released to the Usuários.</summary>
    public const string BoardName = "Prospecção Sul";

    public static readonly IReadOnlyList<(string Name, int StagnantDays)> BoardStages = [("Primeiro contato", 5), ("Visita", 10), ("Proposta", 15)];

    /// <summary>
    /// The registration form of demo record number <paramref name="seed"/> (1, 2, … in the order of <see cref="People"/>, their
    /// accounts before their leads) owned by <paramref name="owner"/>: legal name <c>Cliente NN de First Ltda</c>, short
    /// name <c>CLINN</c>, a CNPJ of its own.
    /// </summary>
    public static RegistrationForm Form(int seed, DemoPerson owner) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Cliente {seed:D2} de {owner.Name.Split(' ')[0]} Ltda",
        ShortName = $"CLI{seed:D2}",
        TaxId = Cnpj(100 + seed),
        Owner = owner.Id,
        Company = Company,
        Branch = Matriz,
        Addresses = [new AddressForm(AddressKind.Correspondence, "Av. Paulista", $"{1000 + seed}", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308")],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, $"(11) 3456-{7000 + seed}")],
        Emails = [new EmailForm($"contato{seed}@exemplo.com.br")],
        ClientType = Revenda.Value,
    };

    private static UserId Id(int person) => new(Guid.Parse($"de300000-0000-4000-8000-0000000000{person:D2}"));

    /// <summary>A numeric CNPJ of root <paramref name="root"/>; the check digits are found by the registry's own validator.</summary>
    private static string Cnpj(int root, int branch = 1) =>
        Enumerable.Range(0, 100).Select(dv => $"{root:D8}{branch:D4}{dv:D2}").First(Crm.Domain.Registry.Cnpj.IsValid);
}
