namespace Crm.Domain.Access;

/// <summary>
/// The CRM modules a role grants permissions on (seed 001: "todos os módulos do CRM refletem as permissões"; the list
/// follows the modules the seeds document).
/// </summary>
public enum Module
{
    /// <summary>Accounts (customers).</summary>
    Accounts,
    /// <summary>Leads (prospects).</summary>
    Leads,
    /// <summary>Contact people of accounts and leads.</summary>
    Contacts,
    /// <summary>Opportunities and the sales funnel.</summary>
    Opportunities,
    /// <summary>Kanban boards of prospect cards.</summary>
    Boards,
    /// <summary>Tasks, appointments (<i>compromissos</i>) and follow-ups.</summary>
    Activities,
    /// <summary>Sales orders.</summary>
    Orders,
    /// <summary>Catalog, price lists and pricing/tax matrices.</summary>
    Pricing,
    /// <summary>Customer service: occurrences and attendances.</summary>
    Service,
    /// <summary>Documents (files on the FTP server or external links).</summary>
    Documents,
    /// <summary>Indicators and the charts of <i>Meu Portal</i>.</summary>
    Indicators,
    /// <summary>Spreadsheet imports.</summary>
    Imports,
    /// <summary>System settings: companies/branches, SMTP, FTP, roles, users, CRM configuration.</summary>
    Settings,
}

/// <summary>What a role may do in a module (seed 001: acessar, visualizar, incluir, editar, excluir, exportar, filtrar).</summary>
[Flags]
public enum Permission
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Open the module at all.</summary>
    Access = 1,
    /// <summary>See records (<i>visualizar</i>).</summary>
    View = 2,
    /// <summary>Create records (<i>incluir</i>).</summary>
    Include = 4,
    /// <summary>Change records (<i>editar</i>).</summary>
    Edit = 8,
    /// <summary>Delete records (<i>excluir</i>).</summary>
    Delete = 16,
    /// <summary>Export lists (<i>exportar</i>).</summary>
    Export = 32,
    /// <summary>Use filters (<i>filtrar</i>).</summary>
    Filter = 64,
    /// <summary>Everything.</summary>
    All = Access | View | Include | Edit | Delete | Export | Filter,
}

/// <summary>Whose records a role lets its users see.</summary>
public enum DataReach
{
    /// <summary>Only records the user owns (<i>CRM - Usuário</i>).</summary>
    Own = 0,
    /// <summary>Own records and those of every subordinate, transitively (<i>CRM - Coordenador</i>).</summary>
    Team = 1,
    /// <summary>Every record of the user's companies and branches (<i>CRM - Diretor</i>).</summary>
    All = 2,
    /// <summary>Every record of every company, ignoring the user's company/branch list (platform <i>Admin</i>).</summary>
    Platform = 3,
}

/// <summary>The permissions a role grants on one module.</summary>
/// <param name="Module">The module.</param>
/// <param name="Permissions">What may be done there.</param>
public sealed record ModuleGrant(Module Module, Permission Permissions);
