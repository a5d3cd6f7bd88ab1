// Smoke program of scripts/pack-smoke.sh for a console app that installs Crm.Sdk (the one package a host needs): the
// engine on the SQLite file args[0], migrated. It follows Crm.Sdk's public API: when AddCrm changes, change this file with it.
using System.Reflection;
using Crm.Persistence; // UseSqlite
using Crm.Sdk;
using Crm.Sdk.Discovery;
using Microsoft.Extensions.DependencyInjection;

var version = typeof(CrmOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
var services = new ServiceCollection();
services.AddCrm(crm => crm.UseSqlite(args[0]));
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var engine = provider.GetRequiredService<CrmEngine>();
await engine.MigrateAsync();
var health = await engine.Database.CheckHealthAsync();
var catalog = provider.GetRequiredService<ErpAdapterCatalog>();
Console.WriteLine($"Crm.Sdk {version}: the engine migrated {args[0]} ({health.Description}); {catalog.All.Count} adapters");
return health.IsHealthy ? 0 : 1;
