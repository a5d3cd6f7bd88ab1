using Crm.Connectors.Documents;
using Crm.Connectors.Mail;
using Crm.Domain.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Connectors;

/// <summary>Registers the connectors in a host's container.</summary>
public static class ConnectorServices
{
    /// <summary>
    /// Adds <see cref="SmtpMailer"/> (also as the domain's <see cref="IEmailSender"/>) and <see cref="FileServerClient"/>
    /// (also as <see cref="IFileUploader"/>), singletons. The container must provide an <see cref="ISecretProtector"/>
    /// (Crm.Persistence registers the Data Protection one) and logging.
    /// </summary>
    public static IServiceCollection AddCrmConnectors(this IServiceCollection services, ConnectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new ConnectorOptions());
        services.TryAddSingleton<SmtpMailer>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<SmtpMailer>());
        services.TryAddSingleton<FileServerClient>();
        services.TryAddSingleton<IFileUploader>(sp => sp.GetRequiredService<FileServerClient>());
        return services;
    }
}
