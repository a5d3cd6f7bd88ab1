using Crm.Sdk;
using Crm.Sdk.Discovery;
using Microsoft.Extensions.DependencyInjection;

// Usage: PluginProbe <plugin folder>
// Loads the folder through AddCrm's plugin loading and prints one line per adapter found:
// <erp> TAB <source> TAB <origin> TAB <contract> TAB <rule codes, comma-separated>. A configuration error is printed to
// standard error with exit code 1.
if (args is not [var folder])
{
    await Console.Error.WriteLineAsync("usage: PluginProbe <plugin folder>");
    return 2;
}
try
{
    using var provider = new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(folder)).BuildServiceProvider();
    foreach (var registered in provider.GetRequiredService<ErpAdapterCatalog>().All)
    {
        var descriptor = registered.Adapter.Descriptor;
        Console.WriteLine(string.Join('\t', descriptor.Erp.Value, registered.Source, registered.Origin, descriptor.BuiltFor,
            string.Join(',', registered.Adapter.Rules.Select(r => r.Code))));
    }
    return 0;
}
catch (CrmConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
