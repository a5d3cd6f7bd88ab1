using Crm.Connectors.Documents;
using Crm.Connectors.Mail;
using Crm.Connectors.Tests.Support;
using Crm.Domain.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Connectors.Tests;

public sealed class ConnectorServicesTests
{
    [Fact]
    public void The_connectors_resolve_as_themselves_and_as_the_domain_ports()
    {
        var options = new ConnectorOptions { Timeout = TimeSpan.FromSeconds(3) };
        using var provider = new ServiceCollection().AddLogging().AddSingleton<ISecretProtector, AesProtector>()
            .AddCrmConnectors(options).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(provider.GetRequiredService<SmtpMailer>(), provider.GetRequiredService<IEmailSender>());
        Assert.Same(provider.GetRequiredService<FileServerClient>(), provider.GetRequiredService<IFileUploader>());
        Assert.Same(options, provider.GetRequiredService<ConnectorOptions>());
    }
}
