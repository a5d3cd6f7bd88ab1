using System.Net.Security;

namespace Crm.Connectors;

/// <summary>How the connectors talk to a company's servers.</summary>
public sealed class ConnectorOptions
{
    /// <summary>How long one connection, command or transfer may take before the server counts as unavailable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks the SMTP server's TLS certificate; null uses the operating system's trust store, which is what production
    /// wants. Tests and hosts with a private CA pass their own check.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }
}
