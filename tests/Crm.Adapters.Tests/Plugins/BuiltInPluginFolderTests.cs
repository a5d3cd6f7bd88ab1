using System.Diagnostics;
using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Domain.Integration;

namespace Crm.Adapters.Tests.Plugins;

/// <summary>
/// The built-in adapters load from a plugin folder (each one's build output) through AddCrm's real plugin loading, in a host
/// process that does not reference them (this test process does, so it would keep its own copies).
/// </summary>
public sealed class BuiltInPluginFolderTests
{
    public static TheoryData<string> Erps => ["datasul", "protheus", "mega"];

    private static IErpAdapter BuiltIn(string erp) => erp switch
    {
        "datasul" => new DatasulAdapter(),
        "protheus" => new ProtheusAdapter(),
        _ => new MegaAdapter(),
    };

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_built_in_adapter_loads_from_its_build_output_as_a_plugin(string erp)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "plugins", $"builtin-{erp}");
        var probe = Path.Combine(AppContext.BaseDirectory, "plugin-probe", "PluginProbe.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [probe, folder])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        var fields = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Split('\t');
        var adapter = BuiltIn(erp);
        Assert.Equal([erp, "Plugin", Path.Combine(folder, adapter.GetType().Assembly.GetName().Name + ".dll"), adapter.Descriptor.BuiltFor.ToString()],
            fields[..4]);
        Assert.Equal(adapter.Rules.Select(r => r.Code), fields[4].Split(','));
    }
}
