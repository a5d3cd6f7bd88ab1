// Smoke program of scripts/pack-smoke.sh for a console app that installs Crm.Sdk (the one package a host needs).
// It follows Crm.Sdk's public API: when AddCrm changes, change this file with it.
using System.Reflection;
using Crm.Sdk;
using Crm.Sdk.Discovery;
using Microsoft.Extensions.DependencyInjection;

var version = typeof(CrmOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
var services = new ServiceCollection();
services.AddCrm();
using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var catalog = provider.GetRequiredService<ErpAdapterCatalog>();
Console.WriteLine($"Crm.Sdk {version}: AddCrm() resolved an adapter catalog of {catalog.All.Count} adapters");
return 0;
