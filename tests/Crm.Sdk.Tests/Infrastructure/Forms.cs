using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>Registration forms as a screen would send them.</summary>
internal static class Forms
{
    /// <summary>A company whose CNPJ is derived from <paramref name="seed"/> (check digits found by the domain's validator).</summary>
    public static RegistrationForm Company(int seed, UserId? owner = null, CompanyId? company = null, BranchId? branch = null) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Comercial Exemplo {seed} Ltda",
        TradeName = $"Exemplo {seed}",
        ShortName = $"EXEMP{seed}",
        TaxId = CnpjOf(seed),
        StateRegistration = "110.042.490.114",
        Owner = owner,
        Company = company,
        Branch = branch,
        Addresses =
        [
            new(AddressKind.Correspondence, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308", null, false),
        ],
        Emails = [new EmailForm($"compras{seed}@exemplo.com.br")],
    };

    /// <summary>The masked CNPJ of <paramref name="seed"/>.</summary>
    public static string CnpjOf(int seed) =>
        Cnpj.Parse(Enumerable.Range(0, 100).Select(dv => $"{seed % 100_000_000:D8}0001{dv:D2}").First(Cnpj.IsValid)).AsT0.ToString();
}
