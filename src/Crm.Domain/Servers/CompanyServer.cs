using Crm.Domain.Identity;
using Crm.Domain.Problems;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Servers;

/// <summary>What SMTP and FTP settings share: a server that a company, or one of its branches, uses.</summary>
/// <typeparam name="TId">The settings' id type.</typeparam>
/// <typeparam name="TForm">The screen the settings are typed in.</typeparam>
public abstract class CompanyServer<TId, TForm> where TId : struct where TForm : class
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

    /// <summary>Replaces the settings with the form's (a blank password keeps the stored one), or every problem.</summary>
    public Outcome<Success> Update(TForm form, ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(protector);
        return Apply(form, protector);
    }

    /// <summary>Validates <paramref name="form"/> as a whole and, when it has no problem, takes its values.</summary>
    private protected abstract Outcome<Success> Apply(TForm form, ISecretProtector protector);

    /// <summary><paramref name="blank"/> filled from <paramref name="form"/>, or every problem.</summary>
    private protected static Outcome<TSettings> Fill<TSettings>(TSettings blank, TForm form, ISecretProtector protector)
        where TSettings : CompanyServer<TId, TForm> =>
        blank.Update(form, protector).Match<Outcome<TSettings>>(_ => blank, invalid => invalid);

    /// <summary>Sets where the server is and whom it serves, once validated.</summary>
    private protected void Locate(CompanyId company, BranchId? branch, string host, int port) =>
        (Company, Branch, Host, Port) = (company, branch, host, port);
}
