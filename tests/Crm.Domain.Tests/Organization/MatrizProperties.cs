using Crm.Domain.Identity;
using Crm.Domain.Organization;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Organization;

/// <summary>Whatever sequence of branch operations is tried, a company with branches has exactly one Matriz.</summary>
public class MatrizProperties
{
    [Property]
    public bool A_company_with_branches_always_has_exactly_one_Matriz((byte Kind, byte Target, bool Matriz)[] operations)
    {
        var company = Company.Register(new CompanyId(Guid.NewGuid()), new TenantId(Guid.NewGuid()), new UnitForm("1", "Empresa")).AsT0;
        var code = 0;
        foreach (var (kind, target, matriz) in operations)
        {
            var branches = company.Branches;
            var existing = branches.Count == 0 ? null : branches[target % branches.Count];
            switch (kind % 3)
            {
                case 0:
                    company.AddBranch(new BranchId(Guid.NewGuid()), new UnitForm($"F{++code}", "Filial"), matriz);
                    break;
                case 1 when existing is not null:
                    company.UpdateBranch(existing.Id, new UnitForm(existing.Details.ErpCode.Value, "Filial alterada"), matriz);
                    break;
                case 2 when existing is not null:
                    company.RemoveBranch(existing.Id, matriz ? [new DataReference("contas", 1)] : []);
                    break;
            }
            if (company.Branches.Count > 0 && company.Branches.Count(b => b.IsMatriz) != 1)
                return false;
        }
        return true;
    }
}
