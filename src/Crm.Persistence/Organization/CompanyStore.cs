using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Domain.Problems;
using Crm.Persistence.Concurrency;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Organization;

/// <summary>
/// Deletion of companies and branches, refused while other data references them (seed 001: "Não é possível excluir uma
/// empresa que já possui dados vinculados a outros módulos"): the references are counted in the database and the
/// domain's rule words the refusal.
/// </summary>
public static class CompanyStore
{
    /// <summary>Deletes the company, or returns why not (references per module; not found).</summary>
    public static async Task<SaveResult> DeleteCompanyAsync(this CrmDbContext db, CompanyId company, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Companies.SingleOrDefaultAsync(c => c.Id == company, cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return NotFound(company.Value);
        var check = stored.CheckDeletion(await ReferencesAsync(db, company, null, cancellationToken).ConfigureAwait(false));
        if (check.TryPickT1(out var refused, out _))
            return refused;
        db.Companies.Remove(stored);
        return await db.SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the branch from its company, or returns why not.</summary>
    public static async Task<SaveResult> DeleteBranchAsync(this CrmDbContext db, CompanyId company, BranchId branch,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Companies.SingleOrDefaultAsync(c => c.Id == company, cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return NotFound(company.Value);
        var removed = stored.RemoveBranch(branch, await ReferencesAsync(db, company, branch, cancellationToken).ConfigureAwait(false));
        return removed.TryPickT1(out var refused, out _) ? refused : await db.SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What references the company (or one of its branches), per module, counted inside the database.</summary>
    public static async Task<IReadOnlyList<DataReference>> ReferencesAsync(CrmDbContext db, CompanyId company, BranchId? branch,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accounts = await Count(db.Accounts, company, branch, cancellationToken).ConfigureAwait(false);
        var leads = await Count(db.Leads, company, branch, cancellationToken).ConfigureAwait(false);
        var smtp = await db.SmtpSettings.CountAsync(s => s.Company == company && (branch == null || s.Branch == branch), cancellationToken).ConfigureAwait(false);
        var ftp = await db.FtpSettings.CountAsync(s => s.Company == company && (branch == null || s.Branch == branch), cancellationToken).ConfigureAwait(false);
        // A user's company scopes are one short column per user; the users of a tenant are few, so they are read whole.
        var users = (await db.Users.ToListAsync(cancellationToken).ConfigureAwait(false))
            .Count(u => u.Companies.Any(p => p.Company == company && (branch is null || p.Branch == branch)));
        return [.. new[] { new DataReference("contas", accounts), new DataReference("leads", leads), new DataReference("configurações SMTP", smtp),
            new DataReference("configurações FTP", ftp), new DataReference("usuários", users) }.Where(r => r.Count > 0)];
    }

    private static Task<int> Count<T>(DbSet<T> records, CompanyId company, BranchId? branch, CancellationToken cancellationToken)
        where T : class =>
        records.CountAsync(r => EF.Property<CompanyId?>(r, CrmQueries.Company) == company
            && (branch == null || EF.Property<BranchId?>(r, CrmQueries.Branch) == branch), cancellationToken);

    private static Invalid NotFound(Guid id) => new(new Problem("company", "company.not_found", $"A empresa {id} não existe."));
}
