namespace Crm.Domain.Tenancy;

/// <summary>The stable problem codes of tenancy (never change a shipped string: hosts and ERPs match on it).</summary>
public static class TenancyCodes
{
    /// <summary><c>default_integration.unknown</c>: default integration unknown.</summary>
    public const string DefaultIntegrationUnknown = "default_integration.unknown";

    /// <summary><c>id.required</c>: id required.</summary>
    public const string IdRequired = "id.required";

    /// <summary><c>name.required</c>: name required.</summary>
    public const string NameRequired = "name.required";

    /// <summary><c>name.too_long</c>: name too long.</summary>
    public const string NameTooLong = "name.too_long";

    /// <summary><c>package.unknown</c>: package unknown.</summary>
    public const string PackageUnknown = "package.unknown";
}
