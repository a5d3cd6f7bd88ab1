using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Boards;
using Crm.Domain.Boards.Cards;
using Crm.Domain.Boards.Filters;
using Crm.Domain.Funnel.Pipelines;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Registry;
using Crm.Domain.Tenancy;
using Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Cli.Demo;

/// <summary>
/// The sample tenant of <c>crm demo</c>: one company with a Matriz and a Filial, a Diretora, a Coordenador with two
/// Usuários under him, a Usuária outside his team, their accounts and leads, the default pipeline, a board with a card per
/// lead, and Ana's saved board filter "Meus cartões" (the cards she sells) in use.
/// Written in one transaction, so a database holds either all of it or none of it.
/// </summary>
internal static class DemoData
{
    /// <summary>The demo tenant's fixed id: every run finds the tenant the previous run provisioned.</summary>
    public static readonly TenantId Tenant = new(Guid.Parse("de300000-0000-4000-8000-000000000001"));

    public const string TenantName = "Alimentos Exemplo (demo)";

    /// <summary>The people of the demo: login, name, role, manager's login, accounts and leads they own.</summary>
    public static readonly IReadOnlyList<(string Login, string Name, StandardRole Role, string? Manager, int Accounts, int Leads)> People =
    [
        ("marina", "Marina Diretora", StandardRoles.Diretor, null, 2, 0),
        ("carlos", "Carlos Coordenador", StandardRoles.Coordenador, "marina", 2, 1),
        ("ana", "Ana Vendedora", StandardRoles.Usuario, "carlos", 2, 1),
        ("bruno", "Bruno Vendedor", StandardRoles.Usuario, "carlos", 2, 1),
        ("paula", "Paula Vendedora", StandardRoles.Usuario, "marina", 2, 1),
    ];

    /// <summary>The board filter Ana saved and uses: the cards she sells.</summary>
    public const string MyCardsFilter = "Meus cartões";

    /// <summary>Whether an earlier run already loaded the sample data (it is loaded all at once).</summary>
    public static Task<bool> IsLoadedAsync(CrmDbContext db) => db.Companies.AnyAsync();

    /// <summary>Adds the sample records to <paramref name="db"/> (the caller saves them, once).</summary>
    public static async Task LoadAsync(CrmDbContext db, IClock clock)
    {
        var company = Company.Register(new CompanyId(Guid.NewGuid()), Tenant, new UnitForm("1", "Alimentos Exemplo S.A.", "Exemplo", Cnpj(1))).AsT0;
        var matriz = company.AddBranch(new BranchId(Guid.NewGuid()), new UnitForm("1", "Matriz São Paulo", null, Cnpj(1)), isMatriz: true).AsT0;
        company.AddBranch(new BranchId(Guid.NewGuid()), new UnitForm("2", "Filial Curitiba", null, Cnpj(1, branch: 2)), isMatriz: false);
        db.Companies.Add(company);

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name, r => r.Id);
        var existing = await db.Users.ToListAsync();
        var users = People.ToDictionary(p => p.Login, p =>
        {
            var user = User.Arrive(new UserId(Guid.NewGuid()), Tenant, p.Login, p.Name, $"{p.Login}@exemplo.com.br", Package.Freemium).AsT0;
            user.AssignRoles([roles[p.Role.Name]]);
            user.AllowCompanies([new CompanyBranch(company.Id, null)]);
            return user;
        });
        var hierarchy = Hierarchy.Of([.. existing, .. users.Values]).AsT0;
        foreach (var person in People.Where(p => p.Manager is not null))
            users[person.Login].ReportTo(users[person.Manager!].Id, hierarchy);
        db.Users.AddRange(users.Values);

        var seed = 0;
        var leads = new List<(Lead Lead, UserId Owner)>();
        foreach (var person in People)
        {
            var owner = users[person.Login].Id;
            for (var i = 0; i < person.Accounts; i++)
                db.Accounts.Add(Account.Register(new AccountId(Guid.NewGuid()), Tenant,
                    Valid(Form(++seed, person.Name, owner, company.Id, matriz.Id), RegistrationKind.Account), owner, clock));
            for (var i = 0; i < person.Leads; i++)
                leads.Add((Lead.Register(new LeadId(Guid.NewGuid()), Tenant,
                    Valid(Form(++seed, person.Name, owner, company.Id, matriz.Id), RegistrationKind.Lead), owner, clock), owner));
        }
        db.Leads.AddRange(leads.Select(l => l.Lead));

        db.Pipelines.Add(DefaultPipeline.Create(Tenant, MasterDataCode.Of("PROSPECT"), MasterDataCode.Of("CLIENTE")).AsT0);
        var board = Board.Create(Tenant, "Prospecção Sul", new BoardScope(BoardScopeKind.Region, "Sul"), Colour.Of("#1E88E5"),
            users["marina"].Id, clock).AsT0;
        foreach (var (stage, days) in new[] { ("Primeiro contato", 5), ("Visita", 10), ("Proposta", 15) })
            board.AddStage(stage, days, null, users["marina"].Id, clock);
        foreach (var person in People.Where(p => p.Role == StandardRoles.Usuario))
            board.Release(users[person.Login].Id, users["marina"].Id, clock);
        db.Boards.Add(board);

        // Every lead gets a card on the first list, sold by the lead's owner.
        var prospects = new ProspectCardIndex([]);
        foreach (var (lead, owner) in leads)
        {
            var card = Card.Open(board, board.Stages[0].Id, lead.Data.LegalName, new ProspectLink(lead.Id, clock.GetCurrentInstant()), owner,
                null, prospects, users["marina"].Id, clock).AsT0;
            prospects.Track(card);
            db.Cards.Add(card);
        }
        var anas = new BoardFilterPreferences(users["ana"].Id, board.Id);
        anas.Use(CardFilter.Create(new CardFilterDraft { Sellers = [users["ana"].Id] }).AsT0);
        anas.Save(MyCardsFilter);
        db.BoardFilters.Add(anas);
    }

    private static RegistrationForm Form(int seed, string owner, UserId ownerId, CompanyId company, BranchId branch) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Cliente {seed:D2} de {owner.Split(' ')[0]} Ltda",
        ShortName = $"CLI{seed:D2}",
        TaxId = Cnpj(100 + seed),
        Owner = ownerId,
        Company = company,
        Branch = branch,
        Addresses = [new AddressForm(AddressKind.Correspondence, "Av. Paulista", $"{1000 + seed}", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308")],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, $"(11) 3456-{7000 + seed}")],
        Emails = [new EmailForm($"contato{seed}@cliente-exemplo.com.br")],
    };

    private static ValidRegistration Valid(RegistrationForm form, RegistrationKind kind) =>
        RegistrationRules.Validate(form, new RegistrationContext(AccountSettings.Default, kind)).Match(
            valid => valid, invalid => throw new InvalidOperationException($"Demo data is invalid: {invalid}"));

    /// <summary>A numeric CNPJ of root <paramref name="root"/>; the check digits are found by the registry's own validator.</summary>
    private static string Cnpj(int root, int branch = 1) =>
        Enumerable.Range(0, 100).Select(dv => $"{root:D8}{branch:D4}{dv:D2}").First(Crm.Domain.Registry.Cnpj.IsValid);
}
