namespace Crm.Domain.Texts;

/// <summary>
/// The longest text each stored field accepts, in Unicode code points (what PostgreSQL's <c>varchar(n)</c> counts): the
/// domain refuses longer text with <see cref="TextCodes.TooLong"/> (or its module's older code), and persistence sizes its
/// columns from these constants, so the two cannot disagree. Text without a limit here (descriptions, comments, notes,
/// JSON documents) is still checked for control characters and lone surrogates.
/// </summary>
public static class TextLimits
{
    /// <summary>A board's name.</summary>
    public const int BoardName = 100;

    /// <summary>The region or sales type a board is scoped to.</summary>
    public const int BoardScopeName = 100;

    /// <summary>A card's or a base card's name.</summary>
    public const int CardName = 200;

    /// <summary>A pipeline's name.</summary>
    public const int PipelineName = 100;

    /// <summary>An opportunity's title.</summary>
    public const int OpportunityTitle = 200;

    /// <summary>Where an opportunity came from.</summary>
    public const int OpportunitySource = 100;

    /// <summary>The unit of an opportunity's quantity.</summary>
    public const int QuantityUnit = 10;

    /// <summary>A contact's name.</summary>
    public const int ContactName = 100;

    /// <summary>A contact's job title (Datasul <c>cont-emit.cargo</c>).</summary>
    public const int ContactRole = 100;

    /// <summary>A contact's department (Datasul <c>cont-emit.area</c>).</summary>
    public const int ContactDepartment = 100;

    /// <summary>A lead's or account's legal or trade name (<c>crm_pessoa.nom_razao_social</c>, ERP.md §1.1).</summary>
    public const int RegistrationName = 100;

    /// <summary>A lead's or account's short name (<i>nome abreviado</i>).</summary>
    public const int ShortName = 30;

    /// <summary>A master-data code (client type, group, carrier, ...; a company's ERP code).</summary>
    public const int MasterDataCode = 20;

    /// <summary>A tenant's name.</summary>
    public const int TenantName = 100;

    /// <summary>A role's name.</summary>
    public const int RoleName = 60;

    /// <summary>A user's login and name.</summary>
    public const int UserText = 100;

    /// <summary>An e-mail address (RFC 5321's path limit).</summary>
    public const int Email = 254;

    /// <summary>A company's or branch's legal or trade name.</summary>
    public const int CompanyName = 120;

    /// <summary>A mail or file server's host name (RFC 1035).</summary>
    public const int ServerHost = 253;

    /// <summary>A mail or file server's user.</summary>
    public const int ServerUser = 120;

    /// <summary>The display name of a mail server's sender.</summary>
    public const int SmtpDisplayName = 100;

    /// <summary>A file server's folder.</summary>
    public const int FtpFolder = 500;

    /// <summary>The name of a customer service reason (<i>motivo de atendimento</i>).</summary>
    public const int ServiceReasonName = 100;

    /// <summary>The name of a call-center campaign.</summary>
    public const int CampaignName = 100;

    /// <summary>An appointment's title.</summary>
    public const int AppointmentTitle = 200;

    /// <summary>Where an appointment takes place.</summary>
    public const int AppointmentLocation = 200;

    /// <summary>A product code (Datasul <c>it-codigo</c> is 16, Protheus <c>B1_COD</c> 15 to 30).</summary>
    public const int ProductCode = 30;

    /// <summary>A product's description.</summary>
    public const int ProductDescription = 120;

    /// <summary>An order's observations.</summary>
    public const int OrderObservations = 2000;
}
