using Crm.Domain.Identity;
using Crm.Domain.Problems;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Servers;

/// <summary>
/// Which SMTP server sends a company/branch's notifications, and the rule that makes the answer unique: at most one
/// primary server (<i>servidor principal</i>) per company/branch.
/// </summary>
public static class SmtpRouting
{
    /// <summary>
    /// The server for <paramref name="company"/>/<paramref name="branch"/>: the branch's own servers first, then the
    /// company-wide ones; among them the primary, else the first. Null when the company has none.
    /// </summary>
    public static SmtpSettings? For(IEnumerable<SmtpSettings> servers, CompanyId company, BranchId? branch)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var ofCompany = servers.Where(s => s.Company == company).ToList();
        var candidates = branch is not null && ofCompany.Exists(s => s.Branch == branch)
            ? ofCompany.Where(s => s.Branch == branch).ToList()
            : ofCompany.Where(s => s.Branch is null).ToList();
        return candidates.Find(s => s.IsPrimaryServer) ?? candidates.FirstOrDefault();
    }

    /// <summary>Refuses <paramref name="candidate"/> as primary when another server of the same company/branch already is.</summary>
    public static Outcome<Success> CheckPrimary(SmtpSettings candidate, IEnumerable<SmtpSettings> servers)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(servers);
        var other = candidate.IsPrimaryServer
            ? servers.FirstOrDefault(s => s.Id != candidate.Id && s.IsPrimaryServer && s.Company == candidate.Company && s.Branch == candidate.Branch)
            : null;
        return other is null
            ? new Success()
            : new Invalid(new Problem("is_primary_server", ServerCodes.SmtpPrimaryDuplicate,
                $"Esta empresa/filial já tem o servidor principal {other.Host}; desmarque-o antes."));
    }
}
