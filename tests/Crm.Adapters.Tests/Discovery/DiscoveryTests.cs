using System.Runtime.Loader;
using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Protheus;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Sdk;
using Crm.Sdk.Discovery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Tests.Discovery;

/// <summary>AddCrm finds adapters by scanning, in plugin folders and by explicit registration, and refuses bad combinations at start-up.</summary>
public sealed class DiscoveryTests
{
    public static string PluginFolder => Path.Combine(AppContext.BaseDirectory, "plugins", "sample");

    private static ErpAdapterCatalog Catalog(IServiceCollection services) =>
        services.BuildServiceProvider().GetRequiredService<ErpAdapterCatalog>();

    [Fact]
    public void Scanning_the_adapter_assemblies_finds_the_three_adapters()
    {
        var services = new ServiceCollection().AddCrm(crm => crm.ScanAdaptersIn(
            typeof(DatasulAdapter).Assembly, typeof(ProtheusAdapter).Assembly, typeof(MegaAdapter).Assembly));

        var all = Catalog(services).All;

        Assert.Equal(["datasul", "mega", "protheus"], all.Select(a => a.Adapter.Descriptor.Erp.Value));
        Assert.All(all, a => Assert.Equal(AdapterSource.Scanned, a.Source));
    }

    [Fact]
    public void Explicit_registration_adds_each_adapter_with_its_validated_options()
    {
        var services = new ServiceCollection()
            .AddCrm()
            .AddDatasulAdapter(o => o.IntegrGp = true)
            .AddProtheusAdapter(o => o.BranchId = "D MG 01")
            .AddMegaAdapter(o => (o.ApiUrl, o.TenantName, o.AccessKey, o.Secret) = (new Uri("https://mega.example.com:8443/"), "t", "k", "s"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["datasul", "mega", "protheus"], provider.GetRequiredService<ErpAdapterCatalog>().All.Select(a => a.Adapter.Descriptor.Erp.Value));
        Assert.True(provider.GetRequiredService<IOptions<DatasulOptions>>().Value.IntegrGp);
        Assert.Equal("D MG 01", provider.GetRequiredService<IOptions<ProtheusOptions>>().Value.BranchId);
        Assert.IsType<MegaOptionsValidator>(Assert.Single(provider.GetServices<IValidateOptions<MegaOptions>>()));
    }

    [Fact]
    public void Explicit_registration_wins_over_the_same_adapter_found_by_scanning_in_either_order()
    {
        var gp = Samples.Context with { System = IntegrationSystem.Gp };
        foreach (var explicitFirst in new[] { false, true })
        {
            var services = new ServiceCollection();
            if (explicitFirst)
                services.AddDatasulAdapter(o => o.IntegrGp = true);
            services.AddCrm(crm => crm.ScanAdaptersIn(typeof(DatasulAdapter).Assembly));
            if (!explicitFirst)
                services.AddDatasulAdapter(o => o.IntegrGp = true);

            var datasul = Assert.Single(Catalog(services).All);
            Assert.Equal(AdapterSource.Explicit, datasul.Source);
            // With INTEGR_GP on (the explicit options), GP only objects that the account did not come from GP.
            Assert.Equal(["datasul.gp.not_from_gp"], datasul.Adapter.Evaluate(Samples.Register(Samples.Company()), gp).Problems.Select(p => p.Code));
        }
    }

    [Fact]
    public void The_same_adapter_registered_twice_is_kept_once()
    {
        var services = new ServiceCollection().AddMegaAdapter(ValidMega).AddMegaAdapter(ValidMega).AddCrm();
        Assert.Single(Catalog(services).All);
    }

    [Fact]
    public void Two_adapters_for_one_erp_fail_start_up_naming_both()
    {
        var services = new ServiceCollection().AddCrm().AddDatasulAdapter();

        var error = Assert.Throws<CrmConfigurationException>(() =>
            services.AddErpAdapter(new OtherVendorAdapter(DatasulAdapter.Id, ContractVersion.Current)));

        Assert.Contains("'datasul'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(DatasulAdapter).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(OtherVendorAdapter).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_for_an_erp_already_registered_fails_start_up_naming_both()
    {
        var services = new ServiceCollection().AddErpAdapter(new OtherVendorAdapter(ErpId.Of("acme"), ContractVersion.Current));

        var error = Assert.Throws<CrmConfigurationException>(() => services.AddCrm(crm => crm.LoadPluginsFrom(PluginFolder)));

        Assert.Contains("Acme.Crm.AcmeAdapter", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(PluginFolder, "SampleThirdPartyAdapter.dll"), error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(OtherVendorAdapter).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(0, 9)]
    [InlineData(1, 4)]
    public void An_adapter_built_for_a_contract_the_host_does_not_accept_fails_start_up_naming_it(int major, int minor)
    {
        var adapter = new OtherVendorAdapter(ErpId.Of("other"), new ContractVersion(major, minor));

        var error = Assert.Throws<CrmConfigurationException>(() => new ServiceCollection().AddCrm().AddErpAdapter(adapter));

        Assert.Contains("Other Vendor ERP", error.Message, StringComparison.Ordinal);
        Assert.Contains($"adapter contract {major}.{minor}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"implements contract {ContractVersion.Current}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adapter_built_for_an_older_minor_of_the_same_major_is_accepted()
    {
        var services = new ServiceCollection().AddErpAdapter(new OtherVendorAdapter(ErpId.Of("other"), new ContractVersion(ContractVersion.Current.Major, 0)));
        Assert.Single(Catalog(services).All);
    }

    [Fact]
    public void A_discovered_adapter_without_a_parameterless_constructor_is_refused_by_name()
    {
        var error = Assert.Throws<CrmConfigurationException>(() =>
            new ServiceCollection().AddCrm(crm => crm.ScanAdaptersIn(typeof(OtherVendorAdapter).Assembly)));
        Assert.Contains(typeof(OtherVendorAdapter).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plugin_adapter_is_loaded_in_its_own_context_but_implements_the_hosts_contract()
    {
        var registered = Assert.Single(Catalog(new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(PluginFolder))).All);
        var type = registered.Adapter.GetType();

        Assert.Equal(AdapterSource.Plugin, registered.Source);
        Assert.Equal("Acme.Crm.AcmeAdapter", type.FullName);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(type.Assembly));
        Assert.Contains(typeof(IErpAdapter), type.GetInterfaces());
        Assert.Same(typeof(IErpAdapter).Assembly, type.BaseType!.Assembly);
    }

    [Fact]
    public void The_plugin_context_resolves_the_plugins_own_NuGet_dependency_from_its_deps_json()
    {
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Humanizer");
        Assert.True(File.Exists(Path.Combine(PluginFolder, "SampleThirdPartyAdapter.deps.json")));

        var registered = Assert.Single(Catalog(new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(PluginFolder))).All);

        // The constructor titleized the name with Humanizer, loaded beside the adapter, never into the host.
        Assert.Equal("Acme ERP", registered.Adapter.Descriptor.Name);
        var context = AssemblyLoadContext.GetLoadContext(registered.Adapter.GetType().Assembly)!;
        var humanizer = Assert.Single(context.Assemblies, a => a.GetName().Name == "Humanizer");
        Assert.Equal(Path.Combine(PluginFolder, "Humanizer.dll"), humanizer.Location);
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Humanizer");
    }

    [Fact]
    public void An_adapter_whose_constructor_throws_fails_start_up_naming_the_plugin_file()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "plugins", "throwing");

        var error = Assert.Throws<CrmConfigurationException>(() => new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(folder)));

        Assert.Contains(Path.Combine(folder, "ThrowingAdapter.dll"), error.Message, StringComparison.Ordinal);
        Assert.Contains("Broken.Crm.ThrowingAdapter", error.Message, StringComparison.Ordinal);
        Assert.Contains("licence file", error.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void The_host_owned_assemblies_are_public_and_never_loaded_from_a_plugin_folder()
    {
        Assert.Contains("Crm.Domain", PluginHost.SharedAssemblies);
        Assert.Contains("NodaTime", PluginHost.SharedAssemblies);

        new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(PluginFolder));

        var fromFolder = AssemblyLoadContext.All.SelectMany(c => c.Assemblies)
            .Where(a => a.Location.StartsWith(PluginFolder, StringComparison.Ordinal)).Select(a => a.GetName().Name!);
        Assert.DoesNotContain(fromFolder, PluginHost.SharedAssemblies.Contains);
    }

    [Fact]
    public void The_plugin_folders_own_copy_of_Crm_Domain_is_ignored()
    {
        var copy = Path.Combine(PluginFolder, "Crm.Domain.dll");
        Assert.True(File.Exists(copy), "The sample plugin ships its own Crm.Domain.dll: the case this test is about.");

        new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(PluginFolder));

        Assert.DoesNotContain(AssemblyLoadContext.All.SelectMany(c => c.Assemblies), a => a.Location == copy);
    }

    [Fact]
    public void Plugin_folders_are_validated_at_start_up_with_every_problem()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-plugin-folder-" + Guid.NewGuid());

        var error = Assert.Throws<OptionsValidationException>(() =>
            new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom("plugins").LoadPluginsFrom(missing)));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("'plugins' must be an absolute path", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains($"'{missing}' does not exist", StringComparison.Ordinal));
    }

    private static void ValidMega(MegaOptions o) =>
        (o.ApiUrl, o.TenantName, o.AccessKey, o.Secret) = (new Uri("https://mega.example.com:8443/"), "t", "k", "s");
}
