using Crm.Domain.Problems;
using Crm.Domain.Texts;

namespace Crm.Domain.Servers;

/// <summary>The host and port rules SMTP and FTP settings share.</summary>
internal static class ServerEndpoint
{
    public const int MaxHostLength = TextLimits.ServerHost;

    /// <summary>The host name or IPv4 address, trimmed and lower case, or null with a problem.</summary>
    public static string? Host(string? text, ref ProblemCollector problems)
    {
        var host = TextRule.Clean(text)?.ToLowerInvariant();
        if (host is null)
            problems.Add("host", ServerCodes.HostRequired, "Informe o endereço do servidor.");
        else if (host.Length > MaxHostLength || !host.Split('.').All(IsLabel))
            problems.Add("host", ServerCodes.HostInvalid, "Informe só o nome do servidor ou o IP, sem protocolo, porta ou caminho (ex.: smtp.empresa.com.br).");
        return host;
    }

    /// <summary>The port, or null with a problem.</summary>
    public static int? Port(int? port, ref ProblemCollector problems)
    {
        if (port is null)
            problems.Add("port", ServerCodes.PortRequired, "Informe a porta do servidor.");
        else if (port is < 1 or > 65535)
            problems.Add("port", ServerCodes.PortOutOfRange, "A porta vai de 1 a 65535.");
        return port;
    }

    // RFC 1123 labels: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen.
    private static bool IsLabel(string label) =>
        label.Length is >= 1 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
