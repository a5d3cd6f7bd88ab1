using Crm.Domain.Identity;
using Crm.Domain.Organization;
using Crm.Persistence.Organization;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Tests.Organization;

public sealed class CompanyPersistenceTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());

    private static Company Company(out BranchId matriz, out BranchId filial)
    {
        var company = Crm.Domain.Organization.Company.Register(new CompanyId(Guid.NewGuid()), Tenant, new UnitForm("10", "Exemplo Indústria S.A.")).AsT0;
        matriz = company.AddBranch(new BranchId(Guid.NewGuid()), new UnitForm("1", "Matriz São Paulo"), isMatriz: true).AsT0.Id;
        filial = company.AddBranch(new BranchId(Guid.NewGuid()), new UnitForm("2", "Filial Curitiba"), isMatriz: false).AsT0.Id;
        return company;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_company_reads_back_with_its_branches_and_matriz(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var company = Company(out var matriz, out _);
        await using (var write = db.Open(Tenant))
        {
            write.Companies.Add(company);
            await write.SaveAsync();
        }

        await using var read = db.Open(Tenant);
        var stored = await read.Companies.SingleAsync();
        Assert.Equal(company.Details, stored.Details);
        Assert.Equal(company.Branches.Select(b => (b.Id, b.Details, b.IsMatriz)), stored.Branches.Select(b => (b.Id, b.Details, b.IsMatriz)));
        Assert.Equal(matriz, stored.Matriz!.Id);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_referenced_company_is_not_deleted_and_the_message_names_what_references_it(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var company = Company(out _, out _);
        await using (var write = db.Open(Tenant))
        {
            write.Companies.Add(company);
            write.Accounts.Add(Records.Account(Tenant, 1, company: company.Id));
            write.Accounts.Add(Records.Account(Tenant, 2, company: company.Id));
            await write.SaveAsync();
        }

        await using var context = db.Open(Tenant);
        var result = await context.DeleteCompanyAsync(company.Id);

        var problem = Assert.Single(result.AsT2.Problems);
        Assert.Equal("company.delete.referenced", problem.Code);
        Assert.Contains("2 contas", problem.Message, StringComparison.Ordinal);
        await using var read = db.Open(Tenant);
        Assert.Equal(1, await read.Companies.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unreferenced_company_is_deleted_and_a_referenced_branch_is_kept(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var company = Company(out _, out var filial);
        await using (var write = db.Open(Tenant))
        {
            write.Companies.Add(company);
            write.Leads.Add(Records.Lead(Tenant, 3, company: company.Id, branch: filial));
            await write.SaveAsync();
        }

        await using (var context = db.Open(Tenant))
            Assert.Equal("branch.delete.referenced", Assert.Single((await context.DeleteBranchAsync(company.Id, filial)).AsT2.Problems).Code);
        await using (var context = db.Open(Tenant))
        {
            context.Leads.RemoveRange(await context.Leads.ToListAsync());
            await context.SaveAsync();
            Assert.True((await context.DeleteCompanyAsync(company.Id)).IsSaved);
        }
        await using var read = db.Open(Tenant);
        Assert.Equal(0, await read.Companies.CountAsync());
    }
}
