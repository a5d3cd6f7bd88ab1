using Crm.Domain.Identity;

namespace Crm.Domain.Access;

/// <summary>
/// A company/branch pair a user may work in (seed 001, "Empresa Filial do Usuário"). Without a branch it covers every
/// branch of the company, present and future.
/// </summary>
/// <param name="Company">The company.</param>
/// <param name="Branch">The branch, or null for the whole company.</param>
public readonly record struct CompanyBranch(CompanyId Company, BranchId? Branch)
{
    /// <summary>The company.</summary>
    public CompanyId Company { get; } = Company;

    /// <summary>The branch, or null for the whole company.</summary>
    public BranchId? Branch { get; } = Branch;

    /// <summary>True when a record of <paramref name="company"/>/<paramref name="branch"/> falls inside the pair.</summary>
    public bool Covers(CompanyId company, BranchId? branch) => Company == company && (Branch is null || Branch == branch);
}
