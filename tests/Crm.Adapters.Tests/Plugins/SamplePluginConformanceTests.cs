using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Tests.Discovery;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Sdk;
using Crm.Sdk.Discovery;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Adapters.Tests.Plugins;

/// <summary>The sample third-party adapter, built separately and loaded from its plugin folder by AddCrm, passes the kit.</summary>
public sealed class SamplePluginConformanceTests : AdapterConformanceTests
{
    private static readonly Lazy<IErpAdapter> Loaded = new(() =>
        new ServiceCollection().AddCrm(crm => crm.LoadPluginsFrom(DiscoveryTests.PluginFolder))
            .BuildServiceProvider().GetRequiredService<ErpAdapterCatalog>().For(ErpId.Of("acme"))!);

    protected override IErpAdapter Adapter => Loaded.Value;
    protected override string PluginFolder => DiscoveryTests.PluginFolder;
    protected override EligibilityContext Context => Samples.Context;
    protected override Account EligibleAccount() => Samples.Register(Samples.Company());
    protected override Account LongTextAccount() => Samples.Register(Samples.LongTexts());
    protected override string SampleErpCode => "77";
    protected override FakeErpEndpoint CreateEndpoint() => new SimpleFakeErp(ErpId.Of("acme"));

    // The shared long-text account stays eligible for Protheus (e-mail ≤ 30); no municipality name has 40 characters.
    protected override IReadOnlyCollection<string> FixedSizePaths => ["email", "city"];

    protected override IEnumerable<(string Body, LocalDate Today, ErpSituation Expected)> StatusSamples()
    {
        yield return ("""{"code":"77","name":"Padaria","active":true}""", TestAccounts.Today, ErpSituation.Active);
        yield return ("""{"code":"77","name":"Padaria","active":false}""", TestAccounts.Today, ErpSituation.Inactive);
    }

    protected override IEnumerable<EligibilityCase> BrokenAccounts()
    {
        var broken = Samples.Register(new RegistrationForm
        {
            Kind = PersonKind.Fisica,
            LegalName = "Maria Aparecida dos Santos Oliveira Pereira de Albuquerque",
            ShortName = "MARIA",
            ClientType = "CFX",
            AccountType = "PRO",
            Emails = [new EmailForm("maria@example.com", EmailPurpose.Nfe)],
        });
        yield return new EligibilityCase("bare person", broken, Samples.StricterContext,
            ["acme.legal_name.too_long", "acme.tax_id.required", "acme.emails.required", "acme.addresses.correspondence.required"]);
    }
}
