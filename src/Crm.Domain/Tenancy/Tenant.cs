using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using OneOf;

namespace Crm.Domain.Tenancy;

/// <summary>A tenant of the CRM (seed 001, "Criação do tenant no CRM"): a name, the package bought and an optional default ERP.</summary>
public sealed class Tenant
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = TextLimits.TenantName;

    private Tenant() { }

    /// <summary>Its id (the platform tenant chosen on creation).</summary>
    public TenantId Id { get; private set; }

    /// <summary>Its name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The package.</summary>
    public Package Package { get; private set; }

    /// <summary>The ERP it integrates with by default, if any.</summary>
    public DefaultIntegration? DefaultIntegration { get; private set; }

    /// <summary>The tenant, or every problem with the request.</summary>
    public static Outcome<Tenant> Create(TenantId id, string name, Package package, DefaultIntegration? defaultIntegration)
    {
        var problems = new ProblemCollector("tenant");
        var clean = problems.Text(name, "name");
        if (id.Value == Guid.Empty)
            problems.Add("id", TenancyCodes.IdRequired, "Selecione o tenant da plataforma.");
        if (clean is null)
            problems.Add("name", TenancyCodes.NameRequired, "Informe o nome do tenant.");
        else if (TextRule.IsLongerThan(clean, MaxNameLength))
            problems.Add("name", TenancyCodes.NameTooLong, $"O nome do tenant tem no máximo {MaxNameLength} caracteres.");
        if (!Enum.IsDefined(package))
            problems.Add("package", TenancyCodes.PackageUnknown, "Selecione o pacote: Freemium, Starter ou Advanced.");
        if (defaultIntegration is { } erp && !Enum.IsDefined(erp))
            problems.Add("default_integration", TenancyCodes.DefaultIntegrationUnknown, "Integração padrão desconhecida.");
        if (problems.HasErrors)
            return problems.ToInvalid();
        return new Tenant { Id = id, Name = clean!, Package = package, DefaultIntegration = defaultIntegration };
    }

    /// <summary>Moves the tenant to another package; users already active stay active.</summary>
    public void ChangePackage(Package package)
    {
        if (!Enum.IsDefined(package))
            throw new ArgumentOutOfRangeException(nameof(package));
        Package = package;
    }
}
