using Crm.Imports.Writing;

namespace Crm.Imports.Customers;

/// <summary>
/// The customer import's columns (seed 003): the identification every row must carry (CPF or CNPJ, external code, origin,
/// foreigner flag, client type), then the sections: general data and CNAE, address, phone and e-mail, complementary data
/// and fiscal category, one responsible person, and the sales table bound to its billing location and warehouse.
/// Headers are matched ignoring case, accents and surrounding spaces.
/// </summary>
public static class CustomerColumns
{
    /// <summary>CPF (física) or CNPJ (jurídica); a foreigner's document when <see cref="Foreigner"/> is S.</summary>
    public const string TaxId = "CPF/CNPJ";
    /// <summary>The customer's code in the system the file comes from; with <see cref="Origin"/>, the key.</summary>
    public const string ExternalCode = "Código externo";
    /// <summary>Where the data comes from (an ERP, a legacy CRM, a list).</summary>
    public const string Origin = "Origem";
    /// <summary>S or N.</summary>
    public const string Foreigner = "Estrangeiro";
    /// <summary>The client type code.</summary>
    public const string ClientType = "Tipo de cliente";
    /// <summary>Razão social / nome.</summary>
    public const string LegalName = "Razão social";
    /// <summary>Nome fantasia.</summary>
    public const string TradeName = "Nome fantasia";
    /// <summary>Nome abreviado.</summary>
    public const string ShortName = "Nome abreviado";
    /// <summary>Inscrição estadual (number or ISENTO).</summary>
    public const string StateRegistration = "Inscrição estadual";
    /// <summary>Main CNAE (organizations).</summary>
    public const string Cnae = "CNAE";
    /// <summary>Client group code.</summary>
    public const string ClientGroup = "Grupo de cliente";
    /// <summary>Fiscal category code.</summary>
    public const string FiscalCategory = "Categoria fiscal";
    /// <summary>Street.</summary>
    public const string Street = "Logradouro";
    /// <summary>Number.</summary>
    public const string Number = "Número";
    /// <summary>District.</summary>
    public const string District = "Bairro";
    /// <summary>City.</summary>
    public const string City = "Cidade";
    /// <summary>UF.</summary>
    public const string Uf = "UF";
    /// <summary>CEP.</summary>
    public const string Cep = "CEP";
    /// <summary>The IBGE code of the address's municipality (7 digits; the ERPs require it to take the customer).</summary>
    public const string Municipality = "Código IBGE do município";
    /// <summary>Phone number.</summary>
    public const string Phone = "Telefone";
    /// <summary>E-mail.</summary>
    public const string Email = "E-mail";
    /// <summary>A responsible person's name.</summary>
    public const string ResponsibleName = "Responsável";
    /// <summary>Their role.</summary>
    public const string ResponsibleRole = "Cargo do responsável";
    /// <summary>Their CPF.</summary>
    public const string ResponsibleCpf = "CPF do responsável";
    /// <summary>Sales (price) table code.</summary>
    public const string SalesTable = "Tabela de venda";
    /// <summary>Billing location (estabelecimento de faturamento) the sales table is bound to.</summary>
    public const string BillingLocation = "Local de faturamento";
    /// <summary>Warehouse (armazém/depósito) the sales table is bound to.</summary>
    public const string Warehouse = "Armazém";

    /// <summary>The identification columns, all required on every row.</summary>
    public static IReadOnlyList<string> Required { get; } = [TaxId, ExternalCode, Origin, Foreigner, ClientType];

    /// <summary>Every column in template order, with the allowed values of the flag column.</summary>
    public static IReadOnlyList<SheetColumn> All { get; } =
    [
        new(TaxId), new(ExternalCode), new(Origin), new(Foreigner, ["S", "N"]), new(ClientType),
        .. RegistrationCells.Columns,
        new(SalesTable), new(BillingLocation), new(Warehouse),
    ];

    /// <summary>An example row for the template, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<string?> Example { get; } =
    [
        "11.222.333/0001-81", "C-1001", "DATASUL", "N", "1",
        "Comercial Exemplo Ltda", "Exemplo", "EXEMPLO", "ISENTO", "4711-3/02", "10", "1",
        "Rua das Flores", "100", "Centro", "São Paulo", "SP", "01001-000", "3550308", "(11) 3333-4444", "compras@exemplo.com.br",
        "Maria Souza", "Compradora", "529.982.247-25",
        "TAB01", "1", "ARM01",
    ];

    /// <summary>
    /// The column of a registration problem's field (<c>tax_id</c>, <c>addresses[0].cep</c>, <c>responsible_people[0].cpf</c>),
    /// so that a domain rule's problem points at the cell to fix; null for a field the sheet has no column for.
    /// </summary>
    internal static string? ColumnOf(string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var (section, part) = dot < 0 ? (field, "") : (field[..dot], field[(dot + 1)..]);
        var bracket = section.IndexOf('[', StringComparison.Ordinal);
        return (bracket < 0 ? section : section[..bracket], part) switch
        {
            ("tax_id", _) => TaxId,
            ("client_type", _) => ClientType,
            ("legal_name", _) => LegalName,
            ("trade_name", _) => TradeName,
            ("short_name", _) => ShortName,
            ("state_registration", _) => StateRegistration,
            ("cnae", _) => Cnae,
            ("client_group", _) => ClientGroup,
            ("fiscal_category", _) => FiscalCategory,
            ("price_table", _) => SalesTable,
            ("billing_location", _) => BillingLocation,
            ("warehouse", _) => Warehouse,
            ("addresses", "number") => Number,
            ("addresses", "district") => District,
            ("addresses", "city") => City,
            ("addresses", "uf") => Uf,
            ("addresses", "cep") => Cep,
            ("addresses", "municipality") => Municipality,
            ("addresses", _) => Street,
            ("phones", _) => Phone,
            ("emails", _) => Email,
            ("responsible_people", "role") => ResponsibleRole,
            ("responsible_people", "cpf") => ResponsibleCpf,
            ("responsible_people", _) => ResponsibleName,
            _ => null,
        };
    }
}
