using Crm.Domain.Identity;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Organization;

public class CompanyTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    // 11.222.333/0001-81 is the usual textbook CNPJ (e.g. https://www.macoratti.net/alg_cnpj.htm); the other two digits were
    // computed with the same module-11 rule of the Receita Federal, and Cnpj.Parse accepts all three in these tests.
    private const string MatrizCnpj = "11.222.333/0001-81";
    private const string FilialCnpj = "11.222.333/0002-62";
    private const string OtherRootCnpj = "11.444.777/0001-61";

    private static Company NewCompany(string? cnpj = MatrizCnpj) =>
        Company.Register(new CompanyId(Guid.NewGuid()), Tenant, new UnitForm("10", "Comercial Sul Ltda", "Sul", cnpj)).AsT0;

    private static BranchId NewBranchId() => new(Guid.NewGuid());

    [Fact]
    public void A_company_is_registered_with_its_ERP_code_names_and_CNPJ()
    {
        var company = Company.Register(new CompanyId(Guid.NewGuid()), Tenant, new UnitForm(" ab1 ", " Comercial Sul Ltda ", null, MatrizCnpj)).AsT0;

        Assert.Equal(("AB1", "Comercial Sul Ltda", "11222333000181"), (company.Details.ErpCode.Value, company.Details.Name, company.Details.Cnpj!.Value.Value));
        Assert.Empty(company.Branches);
        Assert.Null(company.Matriz);
    }

    [Fact]
    public void Every_problem_of_the_company_form_is_listed()
    {
        var invalid = Company.Register(new CompanyId(Guid.NewGuid()), Tenant, new UnitForm("", " ", new string('x', 121), "11.222.333/0001-00")).AsT1;

        Assert.Equal(["company.erp_code.required", "company.name.required", "company.trade_name.too_long", "registry.check_digit"],
            invalid.Problems.Select(p => p.Code));
        Assert.Equal("cnpj", invalid.Problems[3].Field);
    }

    [Fact]
    public void An_ERP_code_longer_than_twenty_characters_is_refused()
    {
        var invalid = Company.Register(new CompanyId(Guid.NewGuid()), Tenant, new UnitForm(new string('1', 21), "X")).AsT1;

        Assert.Equal("company.erp_code.too_long", Assert.Single(invalid.Problems).Code);
    }

    [Fact]
    public void The_first_branch_must_be_the_Matriz()
    {
        var company = NewCompany();

        var invalid = company.AddBranch(NewBranchId(), new UnitForm("01", "Filial Centro"), isMatriz: false).AsT1;

        Assert.Equal("branch.matriz.required", Assert.Single(invalid.Problems).Code);
        Assert.Empty(company.Branches);
    }

    [Fact]
    public void Marking_another_branch_as_Matriz_moves_the_flag_so_there_is_always_exactly_one()
    {
        var company = NewCompany();
        var first = company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz", null, MatrizCnpj), isMatriz: true).AsT0;
        var second = company.AddBranch(NewBranchId(), new UnitForm("02", "Filial", null, FilialCnpj), isMatriz: false).AsT0;
        Assert.Equal(first, company.Matriz);

        Assert.True(company.UpdateBranch(second.Id, new UnitForm("02", "Filial", null, FilialCnpj), isMatriz: true).IsT0);

        Assert.Equal(second, company.Matriz);
        Assert.Single(company.Branches, b => b.IsMatriz);
        Assert.False(first.IsMatriz);
    }

    [Fact]
    public void The_Matriz_cannot_simply_be_unmarked()
    {
        var company = NewCompany();
        var matriz = company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz"), isMatriz: true).AsT0;

        var invalid = company.UpdateBranch(matriz.Id, new UnitForm("01", "Matriz"), isMatriz: false).AsT1;

        Assert.Equal("branch.matriz.required", Assert.Single(invalid.Problems).Code);
        Assert.True(matriz.IsMatriz);
    }

    [Fact]
    public void Branch_ERP_codes_and_CNPJs_are_unique_in_the_company_and_share_its_CNPJ_root()
    {
        var company = NewCompany();
        company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz", null, MatrizCnpj), isMatriz: true);

        var invalid = company.AddBranch(NewBranchId(), new UnitForm("01", "Outra", null, MatrizCnpj), isMatriz: false).AsT1;
        var foreign = company.AddBranch(NewBranchId(), new UnitForm("03", "Outra", null, OtherRootCnpj), isMatriz: false).AsT1;

        Assert.Equal(["branch.erp_code.duplicate", "branch.cnpj.duplicate"], invalid.Problems.Select(p => p.Code));
        Assert.Equal("branch.cnpj.root_mismatch", Assert.Single(foreign.Problems).Code);
    }

    [Fact]
    public void A_company_CNPJ_with_another_root_than_its_branches_is_refused()
    {
        var company = NewCompany();
        company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz", null, MatrizCnpj), isMatriz: true);

        var invalid = company.Update(new UnitForm("10", "Comercial Sul Ltda", null, OtherRootCnpj)).AsT1;

        Assert.Equal("company.cnpj.root_mismatch", Assert.Single(invalid.Problems).Code);
        Assert.Equal("11222333000181", company.Details.Cnpj!.Value.Value);
    }

    [Fact]
    public void Duplicating_a_branch_copies_its_data_under_a_new_id_and_code_without_the_CNPJ()
    {
        var company = NewCompany();
        var source = company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz Porto Alegre", "POA", MatrizCnpj), isMatriz: true).AsT0;

        var copy = company.AddBranch(NewBranchId(), UnitForm.CopyOf(source.Details, "02"), isMatriz: false).AsT0;

        Assert.NotEqual(source.Id, copy.Id);
        Assert.Equal(("02", "Matriz Porto Alegre", "POA"), (copy.Details.ErpCode.Value, copy.Details.Name, copy.Details.TradeName));
        Assert.Null(copy.Details.Cnpj);
        Assert.False(copy.IsMatriz);
    }

    [Fact]
    public void A_company_can_be_created_as_a_copy_of_another()
    {
        var source = NewCompany();

        var copy = Company.Register(new CompanyId(Guid.NewGuid()), Tenant, UnitForm.CopyOf(source.Details, "20", OtherRootCnpj)).AsT0;

        Assert.Equal(("20", source.Details.Name, "11444777000161"), (copy.Details.ErpCode.Value, copy.Details.Name, copy.Details.Cnpj!.Value.Value));
    }

    [Fact]
    public void A_company_referenced_by_other_data_cannot_be_deleted_and_the_message_names_what_references_it()
    {
        var company = NewCompany();

        var invalid = company.CheckDeletion([new DataReference("contas", 12), new DataReference("leads", 0), new DataReference("configurações SMTP", 1)]).AsT1;

        Assert.Equal(["contas", "configurações SMTP"], invalid.Problems.Select(p => p.Field));
        Assert.All(invalid.Problems, p => Assert.Equal("company.delete.referenced", p.Code));
        Assert.Equal("Não é possível excluir a empresa 10 - Comercial Sul Ltda: há 12 contas vinculado(s) a ela.", invalid.Problems[0].Message);
    }

    [Fact]
    public void A_company_nothing_references_can_be_deleted()
    {
        Assert.True(NewCompany().CheckDeletion([new DataReference("contas", 0)]).IsT0);
        Assert.True(NewCompany().CheckDeletion([]).IsT0);
    }

    [Fact]
    public void A_referenced_branch_is_kept()
    {
        var company = NewCompany();
        company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz"), isMatriz: true);
        var branch = company.AddBranch(NewBranchId(), new UnitForm("02", "Filial"), isMatriz: false).AsT0;

        var invalid = company.RemoveBranch(branch.Id, [new DataReference("usuários", 3)]).AsT1;

        Assert.Equal("branch.delete.referenced", Assert.Single(invalid.Problems).Code);
        Assert.Equal(2, company.Branches.Count);
        Assert.True(company.RemoveBranch(branch.Id, []).IsT0);
        Assert.Single(company.Branches);
    }

    [Fact]
    public void The_Matriz_is_removed_only_as_the_last_branch()
    {
        var company = NewCompany();
        var matriz = company.AddBranch(NewBranchId(), new UnitForm("01", "Matriz"), isMatriz: true).AsT0;
        var filial = company.AddBranch(NewBranchId(), new UnitForm("02", "Filial"), isMatriz: false).AsT0;

        var invalid = company.RemoveBranch(matriz.Id, [new DataReference("contas", 1)]).AsT1;

        Assert.Equal(["branch.delete.referenced", "branch.matriz.required"], invalid.Problems.Select(p => p.Code));
        company.RemoveBranch(filial.Id, []);
        Assert.True(company.RemoveBranch(matriz.Id, []).IsT0);
        Assert.Empty(company.Branches);
    }
}
