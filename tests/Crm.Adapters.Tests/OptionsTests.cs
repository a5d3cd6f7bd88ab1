using Crm.Adapters.Datasul;
using Crm.Adapters.Mega;
using Crm.Adapters.Mega.SeniorX;
using Crm.Adapters.Protheus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Tests;

/// <summary>The ERP parameters are validated at start-up, every failure at once, never quoting a secret.</summary>
public sealed class OptionsTests
{
    private const string Key = "chave-super-secreta-123";
    private const string Secret = "segredo-super-secreto-456";

    [Fact]
    public void Datasul_with_both_integrations_off_and_bad_values_fails_at_start_up_with_every_problem()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StartUp(new ServiceCollection().AddDatasulAdapter(o =>
        {
            o.IntegrErpEms = false;
            o.BaseUrl = new Uri("ftp://ems.example.com/");
            o.Modality = 10;
            o.Password = Secret;
        })));

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("INTEGR_ERP_EMS and INTEGR_GP are both off", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Modality 10", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Datasul_defaults_integrate_with_ems_only()
    {
        var options = new DatasulOptions();
        Assert.True(options.IntegrErpEms);
        Assert.False(options.IntegrGp);
        Assert.True(new DatasulOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Protheus_options_check_sa1_sizes_and_the_customer_type()
    {
        var result = new ProtheusOptionsValidator().Validate(null, new ProtheusOptions
        {
            CompanyId = " ",
            BranchId = "FILIAL-MUITO-LONGA",
            StoreId = "001",
            DefaultCustomerType = "Z",
        });

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("A1_LOJA", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("'Z' is not an A1_TIPO", StringComparison.Ordinal));
    }

    [Fact]
    public void Mega_requires_the_url_form_of_seed_001_a_tenant_a_key_and_a_secret()
    {
        var result = new MegaOptionsValidator().Validate(null, new MegaOptions { ApiUrl = new Uri("https://mega.example.com/api") });

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("https://dominio:porta/", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("AccessKey", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Secret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://mega.example.com:8443/", true)]
    [InlineData("https://10.0.0.5:9000/", true)]
    [InlineData("http://mega.example.com:8443/", false)]
    [InlineData("https://mega.example.com/", false)]
    [InlineData("https://mega.example.com:8443/api/", false)]
    public void Mega_api_url_must_be_https_with_a_port_and_no_path(string url, bool valid)
    {
        var options = new MegaOptions { ApiUrl = new Uri(url), TenantName = "t", AccessKey = Key, Secret = Secret };
        Assert.Equal(valid, new MegaOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Secrets_never_appear_in_validation_messages_or_text()
    {
        var options = new MegaOptions { ApiUrl = new Uri("http://bad/"), AccessKey = Key, Secret = Secret };
        var error = Assert.Throws<OptionsValidationException>(() => StartUp(new ServiceCollection().AddMegaAdapter(o =>
            (o.ApiUrl, o.AccessKey, o.Secret) = (options.ApiUrl, options.AccessKey, options.Secret))));
        var texts = new[]
        {
            error.Message, options.ToString(), LoginWithKeyRequest.From(WithTenant()).ToString(),
            new DatasulOptions { Username = "u", Password = Secret }.ToString(),
            new ProtheusOptions { Username = "u", Password = Secret }.ToString(),
        };

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        });
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);

        MegaOptions WithTenant() => new() { ApiUrl = options.ApiUrl, TenantName = "t", AccessKey = Key, Secret = Secret };
    }

    // What a host's start-up runs (IHost.StartAsync, or resolving CrmEngine): every ValidateOnStart options type validated.
    private static void StartUp(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
