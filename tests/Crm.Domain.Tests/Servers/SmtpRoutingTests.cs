using Crm.Domain.Identity;
using Crm.Domain.Servers;

namespace Crm.Domain.Tests.Servers;

public class SmtpRoutingTests
{
    private static readonly TenantId Tenant = new(Guid.NewGuid());
    private static readonly CompanyId Company = new(Guid.NewGuid());
    private static readonly BranchId Branch = new(Guid.NewGuid());

    private static SmtpSettings Server(string host, BranchId? branch, bool primary, CompanyId? company = null) =>
        SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), Tenant,
            SmtpSettingsTests.Form() with { Company = company ?? Company, Branch = branch, Host = host, IsPrimaryServer = primary },
            new ReversingProtector()).AsT0;

    [Fact]
    public void A_branch_uses_its_own_primary_server()
    {
        SmtpSettings[] servers = [Server("empresa", null, true), Server("filial-2", Branch, false), Server("filial-1", Branch, true)];

        Assert.Equal("filial-1", SmtpRouting.For(servers, Company, Branch)!.Host);
    }

    [Fact]
    public void Without_servers_of_its_own_a_branch_uses_the_company_s_and_without_a_primary_the_first()
    {
        SmtpSettings[] servers = [Server("empresa-a", null, false), Server("empresa-b", null, false), Server("outra-filial", new BranchId(Guid.NewGuid()), true)];

        Assert.Equal("empresa-a", SmtpRouting.For(servers, Company, Branch)!.Host);
        Assert.Equal("empresa-a", SmtpRouting.For(servers, Company, null)!.Host);
        Assert.Null(SmtpRouting.For(servers, new CompanyId(Guid.NewGuid()), null));
    }

    [Fact]
    public void A_company_branch_has_at_most_one_primary_server()
    {
        var existing = Server("smtp1", Branch, true);
        var candidate = Server("smtp2", Branch, true);

        var invalid = SmtpRouting.CheckPrimary(candidate, [existing]).AsT1;

        Assert.Equal("smtp.primary.duplicate", Assert.Single(invalid.Problems).Code);
        Assert.True(SmtpRouting.CheckPrimary(Server("smtp3", null, true), [existing]).IsT0);
        Assert.True(SmtpRouting.CheckPrimary(Server("smtp4", Branch, false), [existing]).IsT0);
        Assert.True(SmtpRouting.CheckPrimary(existing, [existing]).IsT0);
    }
}
