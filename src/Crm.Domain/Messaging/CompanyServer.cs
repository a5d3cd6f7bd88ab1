using Crm.Domain.Identity;

namespace Crm.Domain.Messaging;

/// <summary>What SMTP and FTP settings share: a server that a company, or one of its branches, uses.</summary>
/// <typeparam name="TId">The settings' id type.</typeparam>
public abstract class CompanyServer<TId> where TId : struct
{
    private protected CompanyServer() { }

    /// <summary>Its id.</summary>
    public TId Id { get; private protected set; }
    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; private protected set; }
    /// <summary>The company.</summary>
    public CompanyId Company { get; private set; }
    /// <summary>The branch; null for the whole company.</summary>
    public BranchId? Branch { get; private set; }
    /// <summary>Server host name or IP, lower case.</summary>
    public string Host { get; private set; } = "";
    /// <summary>Server port.</summary>
    public int Port { get; private set; }

    /// <summary>Sets where the server is and whom it serves, once validated.</summary>
    private protected void Locate(CompanyId company, BranchId? branch, string host, int port) =>
        (Company, Branch, Host, Port) = (company, branch, host, port);
}
