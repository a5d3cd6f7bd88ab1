using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Organization;

/// <summary>
/// A company (<i>Empresa</i>, seed 001 "Empresa e filial") with its branches. Usually imported from the ERP's initial
/// load, but editable in the CRM. Rules: ERP codes are unique among the company's branches; a branch CNPJ shares the
/// company's CNPJ root and is unique; a company with branches has exactly one <i>Matriz</i>; neither a company nor a
/// branch can be deleted while other data references it.
/// </summary>
public sealed class Company
{
    private readonly List<Branch> _branches = [];

    private Company() { }

    /// <summary>Its id.</summary>
    public CompanyId Id { get; private set; }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; private set; }

    /// <summary>ERP company code, names and CNPJ.</summary>
    public UnitDetails Details { get; private set; } = null!;

    /// <summary>Its branches.</summary>
    public IReadOnlyList<Branch> Branches => _branches;

    /// <summary>The head office, when the company has branches.</summary>
    public Branch? Matriz => _branches.Find(b => b.IsMatriz);

    /// <summary>Registers a company.</summary>
    public static Outcome<Company> Register(CompanyId id, TenantId tenantId, UnitForm form)
    {
        var problems = new ProblemCollector("company");
        var details = UnitDetails.Validate(form, ref problems);
        return details is null ? problems.ToInvalid() : new Company { Id = id, TenantId = tenantId, Details = details };
    }

    /// <summary>Changes the company's data; a new CNPJ must keep the root its branches share.</summary>
    public Outcome<Success> Update(UnitForm form)
    {
        var problems = new ProblemCollector("company");
        var details = UnitDetails.Validate(form, ref problems);
        if (details?.Cnpj is { } cnpj)
            foreach (var branch in _branches.Where(b => b.Details.Cnpj is { } own && own.Root != cnpj.Root))
                problems.Add("cnpj", OrganizationCodes.CnpjRootMismatch,
                    $"O CNPJ da filial {branch.Details.ErpCode} tem outra raiz; o CNPJ da empresa deve ter a raiz {branch.Details.Cnpj!.Value.Root}.");
        if (problems.HasErrors)
            return problems.ToInvalid();
        Details = details!;
        return new Success();
    }

    /// <summary>
    /// Adds a branch. The first one must be the Matriz; marking a later one as Matriz moves the flag to it.
    /// </summary>
    public Outcome<Branch> AddBranch(BranchId id, UnitForm form, bool isMatriz)
    {
        if (_branches.Exists(b => b.Id == id))
            throw new ArgumentException("A branch with this id is already in the company.", nameof(id));
        var checkedDetails = CheckBranch(id, form, isMatriz);
        if (checkedDetails.TryPickT1(out var invalid, out var details))
            return invalid;
        var branch = new Branch(id, Id, details, isMatriz);
        _branches.Add(branch);
        MoveMatrizTo(branch, isMatriz);
        return branch;
    }

    /// <summary>Changes a branch; marking it Matriz moves the flag to it, and the Matriz cannot simply be unmarked.</summary>
    public Outcome<Success> UpdateBranch(BranchId id, UnitForm form, bool isMatriz)
    {
        var branch = Find(id);
        var checkedDetails = CheckBranch(id, form, isMatriz);
        if (checkedDetails.TryPickT1(out var invalid, out var details))
            return invalid;
        branch.Details = details;
        MoveMatrizTo(branch, isMatriz);
        return new Success();
    }

    /// <summary>Whether the company may be deleted, given what references it or its branches.</summary>
    public Outcome<Success> CheckDeletion(IReadOnlyList<DataReference> references) =>
        Deletion.Check("company", $"empresa {Details.ErpCode} - {Details.Name}", references);

    /// <summary>
    /// Removes a branch when nothing references it; the Matriz goes only as the last branch (mark another one first).
    /// </summary>
    public Outcome<Success> RemoveBranch(BranchId id, IReadOnlyList<DataReference> references)
    {
        var branch = Find(id);
        var check = Deletion.Check("branch", $"filial {branch.Details.ErpCode} - {branch.Details.Name}", references);
        var problems = new ProblemCollector();
        if (check.TryPickT1(out var invalid, out _))
            problems.AddRange(invalid.Problems);
        if (branch.IsMatriz && _branches.Count > 1)
            problems.Add(MatrizRequired());
        if (problems.HasProblems)
            return problems.ToInvalid();
        _branches.Remove(branch);
        return new Success();
    }

    private Outcome<UnitDetails> CheckBranch(BranchId id, UnitForm form, bool isMatriz)
    {
        var problems = new ProblemCollector("branch");
        var details = UnitDetails.Validate(form, ref problems);
        var others = _branches.Where(b => b.Id != id).ToList();
        if (!isMatriz && !others.Exists(b => b.IsMatriz))
            problems.Add(MatrizRequired());
        if (details is null)
            return problems.ToInvalid();
        if (others.Exists(b => b.Details.ErpCode == details.ErpCode))
            problems.Add("erp_code", OrganizationCodes.ErpCodeDuplicate, $"A empresa já tem uma filial com o código {details.ErpCode}.");
        if (details.Cnpj is { } cnpj)
        {
            if (Details.Cnpj is { } own && own.Root != cnpj.Root)
                problems.Add("cnpj", OrganizationCodes.CnpjRootMismatch, $"O CNPJ da filial deve ter a raiz {own.Root}, a mesma da empresa.");
            if (others.Exists(b => b.Details.Cnpj == cnpj))
                problems.Add("cnpj", OrganizationCodes.CnpjDuplicate, $"A empresa já tem uma filial com o CNPJ {cnpj}.");
        }
        return problems.HasErrors ? problems.ToInvalid() : details;
    }

    private void MoveMatrizTo(Branch branch, bool isMatriz)
    {
        if (!isMatriz)
            return;
        foreach (var other in _branches)
            other.IsMatriz = other == branch;
    }

    private Branch Find(BranchId id) =>
        _branches.Find(b => b.Id == id) ?? throw new ArgumentException("The branch is not in this company.", nameof(id));

    private static Problem MatrizRequired() =>
        new("is_matriz", OrganizationCodes.BranchMatrizRequired, "A empresa com filiais precisa de exatamente uma matriz: marque esta filial como matriz, ou outra antes de desmarcar ou excluir esta.");
}
