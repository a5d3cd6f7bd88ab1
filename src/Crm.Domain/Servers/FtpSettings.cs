using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Servers;

/// <summary>The connection type of a file server (seed 001, "Tipo de Conexão").</summary>
public enum FileProtocol
{
    /// <summary>FTP, without encryption.</summary>
    Ftp,
    /// <summary>SFTP, encrypted.</summary>
    Sftp,
}

/// <summary>Who transfers the files (seed 001, "Método de Transferência").</summary>
public enum TransferMethod
{
    /// <summary>The CRM application sends the files to the server.</summary>
    Application,
    /// <summary>The customer's server fetches or receives them itself.</summary>
    CustomerServer,
}

/// <summary>The FTP screen of seed 001 ("Parâmetros FTP"), as typed.</summary>
/// <param name="Company">Empresa.</param>
/// <param name="Branch">Filial; null for the whole company.</param>
/// <param name="Host">Endereço FTP.</param>
/// <param name="Port">Porta FTP.</param>
/// <param name="Folder">Pasta where the CRM puts the files; blank for the server's root.</param>
/// <param name="User">Usuário.</param>
/// <param name="Password">Senha; null keeps the stored one.</param>
/// <param name="Protocol">Tipo de Conexão.</param>
/// <param name="TransferMethod">Método de Transferência.</param>
public sealed record FtpForm(
    CompanyId Company, BranchId? Branch, string? Host, int? Port, string? Folder, string? User, Secret? Password,
    FileProtocol Protocol, TransferMethod TransferMethod);

/// <summary>
/// The file server where a company/branch keeps the documents users attach (the Documents module also accepts external
/// links, which need no server). The customer's own server: Senior's is not allowed.
/// </summary>
public sealed class FtpSettings : CompanyServer<FtpSettingsId, FtpForm>
{
    private FtpSettings() { }

    /// <summary>The folder, absolute, with forward slashes and no trailing slash (<c>/</c> for the root).</summary>
    public string Folder { get; private set; } = "/";
    /// <summary>User and password.</summary>
    public ServerCredentials Credentials { get; private set; } = null!;
    /// <summary>FTP or SFTP.</summary>
    public FileProtocol Protocol { get; private set; }
    /// <summary>Who transfers the files.</summary>
    public TransferMethod TransferMethod { get; private set; }

    /// <summary>New settings, or every problem of the form.</summary>
    public static Outcome<FtpSettings> Create(FtpSettingsId id, TenantId tenantId, FtpForm form, ISecretProtector protector) =>
        Fill(new FtpSettings { Id = id, TenantId = tenantId }, form, protector);

    /// <summary>What read APIs return: every field, the password only as "is set".</summary>
    public FtpSettingsView ToView() => new(Id, Company, Branch, Host, Port, Folder, Credentials.User, HasPassword: true, Protocol, TransferMethod);

    private protected override Outcome<Success> Apply(FtpForm form, ISecretProtector protector)
    {
        var problems = new ProblemCollector("ftp");
        var host = ServerEndpoint.Host(form.Host, ref problems);
        var port = ServerEndpoint.Port(form.Port, ref problems);
        var folder = NormalizeFolder(form.Folder);
        if (folder is null)
            problems.Add("folder", ServerCodes.FolderInvalid, "A pasta não pode conter \"..\", barras invertidas nem caracteres de controle.");
        else
            problems.Check(folder, "folder", TextLimits.FtpFolder);
        var credentials = ServerCredentials.Validate(form.User, form.Password, Credentials, protector, ref problems);
        if (!Enum.IsDefined(form.Protocol))
            problems.Add("protocol", ServerCodes.ProtocolUnknown, "Informe o tipo de conexão: FTP ou SFTP.");
        if (!Enum.IsDefined(form.TransferMethod))
            problems.Add("transfer_method", ServerCodes.TransferMethodUnknown, "Informe o método de transferência: aplicação ou servidor do cliente.");
        if (problems.HasErrors)
            return problems.ToInvalid();
        Locate(form.Company, form.Branch, host!, port!.Value);
        (Folder, Credentials, Protocol, TransferMethod) = (folder!, credentials!, form.Protocol, form.TransferMethod);
        return new Success();
    }

    // "docs/crm/" and "/docs//crm" both become "/docs/crm"; parent references would escape the configured folder.
    private static string? NormalizeFolder(string? folder)
    {
        var parts = (folder ?? "").Trim().Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p.Trim() == ".." || p.Contains('\\') || p.Any(char.IsControl)))
            return null;
        return "/" + string.Join('/', parts);
    }
}

/// <summary>FTP settings as read APIs show them: never the password, only whether one is set.</summary>
/// <param name="Id">Id.</param>
/// <param name="Company">Company.</param>
/// <param name="Branch">Branch.</param>
/// <param name="Host">Host.</param>
/// <param name="Port">Port.</param>
/// <param name="Folder">Folder.</param>
/// <param name="User">User.</param>
/// <param name="HasPassword">Whether a password is stored.</param>
/// <param name="Protocol">FTP or SFTP.</param>
/// <param name="TransferMethod">Transfer method.</param>
public sealed record FtpSettingsView(
    FtpSettingsId Id, CompanyId Company, BranchId? Branch, string Host, int Port, string Folder, string User, bool HasPassword,
    FileProtocol Protocol, TransferMethod TransferMethod);
