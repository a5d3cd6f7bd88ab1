namespace Crm.Domain.Tenancy;

/// <summary>The CRM package a tenant bought (seed 001). Mega ERP customers all receive Freemium.</summary>
public enum Package
{
    /// <summary>Free package: synced users are activated automatically.</summary>
    Freemium,
    /// <summary>Paid package: CRM support activates users.</summary>
    Starter,
    /// <summary>Paid package: CRM support activates users.</summary>
    Advanced,
}

/// <summary>The ERP a tenant integrates with by default, chosen when the tenant is created.</summary>
public enum DefaultIntegration
{
    /// <summary>Senior ERP X.</summary>
    SeniorErpX,
    /// <summary>Mega ERP (Mega XT), through the <c>integration_mega</c> service.</summary>
    Mega,
    /// <summary>TOTVS Datasul (EMS).</summary>
    Datasul,
    /// <summary>TOTVS Protheus.</summary>
    Protheus,
}
