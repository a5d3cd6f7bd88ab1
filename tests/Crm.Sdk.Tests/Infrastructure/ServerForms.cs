using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Servers;
using Crm.Tests.Shared;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>A company of the test tenant, its users placed in it, and SMTP/FTP forms pointing at the local servers.</summary>
internal static class ServerForms
{
    /// <summary>Registers a company with a branch (through the Diretor) and lets every seeded user work in the whole company.</summary>
    public static async Task<(CompanyId Company, BranchId Branch)> CompanyAsync(TestHost host)
    {
        var tenants = host.Engine.Tenants;
        var company = Ok(await tenants.RegisterCompanyAsync(host.Tenant, host.Diretor, new UnitForm("01", "Exemplo Ltda"))).Company;
        var branch = Ok(await tenants.AddBranchAsync(host.Tenant, host.Diretor, company, new UnitForm("0101", "Matriz"), isMatriz: true)).Branch!.Value;
        foreach (var user in new[] { host.Diretor, host.Coordenador, host.Usuario, host.Outro })
            Ok(await tenants.AllowCompaniesAsync(host.Tenant, host.Support, user, [new CompanyBranch(company, null)]));
        return (company, branch);
    }

    /// <summary>Plain SMTP on 127.0.0.1:<paramref name="port"/>, with AUTH when <paramref name="password"/> is given.</summary>
    public static SmtpForm Smtp(CompanyId company, int port, string? password = null, Duration? delay = null, string sender = "crm@exemplo.com.br") =>
        new(company, null, "127.0.0.1", port, delay ?? Duration.Zero, sender, "CRM Exemplo", RequiresAuthentication: password is not null,
            password is null ? null : "crm", password is null ? null : new Secret(password), UseSecureConnection: false, null, IsPrimaryServer: true);

    /// <summary>The scripts/ftp.sh server of <paramref name="protocol"/> (or a closed port when absent), in a folder of its own.</summary>
    public static FtpForm Ftp(CompanyId company, FileProtocol protocol, string? password = null)
    {
        var server = FileServer.Of(protocol) ?? new FileServer("127.0.0.1", 1, "crm", "x", "/crm");
        return new FtpForm(company, null, server.Host, server.Port, $"{server.Folder}/sdk-{Guid.NewGuid():N}", server.User,
            new Secret(password ?? server.Password), protocol, TransferMethod.Application);
    }
}
