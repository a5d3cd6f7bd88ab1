using Crm.Domain.Identity;

namespace Crm.Domain.Organization;

/// <summary>
/// A branch (<i>Filial</i>, seed 001 "Empresa Filial"): its ERP branch code and data, and whether it is the company's
/// <i>Matriz</i> (head office). Changed only through its <see cref="Company"/>, which keeps exactly one Matriz.
/// </summary>
public sealed class Branch
{
    private Branch() { }

    internal Branch(BranchId id, CompanyId company, UnitDetails details, bool isMatriz) =>
        (Id, CompanyId, Details, IsMatriz) = (id, company, details, isMatriz);

    /// <summary>Its id.</summary>
    public BranchId Id { get; private set; }

    /// <summary>The company it belongs to.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>ERP branch code, names and CNPJ.</summary>
    public UnitDetails Details { get; internal set; } = null!;

    /// <summary>True for the head office; a company with branches has exactly one.</summary>
    public bool IsMatriz { get; internal set; }
}
