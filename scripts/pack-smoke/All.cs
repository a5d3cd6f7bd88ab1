// Smoke program of scripts/pack-smoke.sh for a console app that installs every package: args[0] names how many
// packages there are, and each one's assembly must be in the output.
using System.Diagnostics;

var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "Crm.*.dll").Order(StringComparer.Ordinal).ToList();
foreach (var assembly in assemblies)
{
    Console.WriteLine($"{Path.GetFileName(assembly)} {FileVersionInfo.GetVersionInfo(assembly).ProductVersion}");
}
return assemblies.Count == int.Parse(args[0]) ? 0 : 1;
