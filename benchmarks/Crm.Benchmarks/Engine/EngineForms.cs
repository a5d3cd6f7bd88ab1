using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// Company registration forms as a screen sends them, every duplicate key distinct per <c>n</c> (CNPJ, root, e-mail, both
/// phones, legal and trade names, short name): a registration's duplicate check seeks keys no other account holds, as in
/// real data. Valid for 1 ≤ n &lt; 100,000,000.
/// </summary>
internal static class EngineForms
{
    private static readonly int[] FirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] SecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    public static RegistrationForm Company(int n, UserId owner) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Cliente {n:D8} Comércio Ltda",
        TradeName = $"Loja {n:D8}",
        ShortName = $"C{n:D8}",
        TaxId = Cnpj(n),
        Owner = owner,
        Addresses =
        [
            new AddressForm(AddressKind.Correspondence, "Av. Paulista", $"{n % 5000}", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
            new AddressForm(AddressKind.Billing, "Av. Paulista", $"{n % 5000}", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
            new AddressForm(AddressKind.Delivery, "Rua Augusta", $"{n % 3000}", null, "Consolação", "São Paulo", "SP", "01305-000", "3550308", null, true),
        ],
        // The area code moves with n / 10^7 so that the landline (7 free digits) stays unique.
        Phones =
        [
            new PhoneForm(PhoneType.TelefoneErp1, $"({11 + n / 10_000_000}) 3{n / 10_000 % 1_000:D3}-{n % 10_000:D4}"),
            new PhoneForm(PhoneType.Mobile, $"(11) 9{n / 10_000 % 10_000:D4}-{n % 10_000:D4}"),
        ],
        Emails = [new EmailForm($"compras{n}@cliente{n % 997}.com.br")],
    };

    /// <summary>
    /// The duplicate keys the persistence layer stores for <see cref="Company"/>(<paramref name="n"/>) (CPF/CNPJ, root,
    /// e-mail, E.164 phones, normalized names); <see cref="AccountSeeder"/> checks them against the rows it writes.
    /// </summary>
    public static string[] KeysOf(int n) =>
    [
        $"T:{Cnpj(n)}",
        $"R:{n:D8}",
        $"E:compras{n}@cliente{n % 997}.com.br",
        $"P:+55{11 + n / 10_000_000}3{n / 10_000 % 1_000:D3}{n % 10_000:D4}",
        $"P:+55119{n / 10_000 % 10_000:D4}{n % 10_000:D4}",
        $"N:CLIENTE {n:D8} COMERCIO",
        $"N:LOJA {n:D8}",
    ];

    /// <summary>The CNPJ of root <paramref name="n"/>, head office (0001), with its check digits.</summary>
    public static string Cnpj(int n)
    {
        var digits = $"{n:D8}0001";
        var first = CheckDigit(digits, FirstWeights);
        var second = CheckDigit(digits + first, SecondWeights);
        return $"{digits}{first}{second}";
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
            sum += (digits[i] - '0') * weights[i];
        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
