namespace Crm.Sdk.Tenants;

/// <summary>Platform-level operations of the engine.</summary>
public sealed class TenantsModule
{
    private readonly CrmEngine _engine;

    internal TenantsModule(CrmEngine engine) => _engine = engine;
}
