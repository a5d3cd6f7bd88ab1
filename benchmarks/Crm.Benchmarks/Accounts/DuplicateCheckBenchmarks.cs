using BenchmarkDotNet.Attributes;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;

namespace Crm.Benchmarks.Accounts;

/// <summary>
/// Saving a new account: every registration rule plus the duplicate check against an in-memory index of a tenant's
/// accounts (target: at most 50 µs per check at 1,000,000 accounts). The index's memory is printed in the log
/// ("// index of N accounts: ... MB") during the global setup.
/// </summary>
[MemoryDiagnoser]
public class DuplicateCheckBenchmarks
{
    private DuplicateIndex<AccountId> _index = null!;
    private RegistrationForm _newAccount = null!;
    private RegistrationForm _duplicate = null!;
    private DuplicateKeys _newKeys = null!;
    private RegistrationContext _context = null!;

    /// <summary>Accounts in the index.</summary>
    [Params(100_000, 1_000_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _index = new DuplicateIndex<AccountId>();
        for (var i = 0; i < Accounts; i++)
            _index.Add(new AccountId(new Guid(i, 0, 0, new byte[8])), KeysOf(i));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// index of {Accounts:N0} accounts: {(after - before) / 1024.0 / 1024.0:F1} MB, {(after - before) / (double)Accounts:F0} bytes per account");

        _context = new RegistrationContext(AccountSettings.Default, RegistrationKind.Account,
            CheckDuplicates: keys => _index.Find(keys).ToProblems("account"));
        _newAccount = FormOf(Accounts + 7);
        _duplicate = FormOf(Accounts / 2) with { LegalName = "Outra Razão Social", Emails = [new EmailForm("novo@cliente.com.br")] };
        _newKeys = KeysOf(Accounts + 7);
    }

    /// <summary>Validation and duplicate check of an account that duplicates nobody.</summary>
    [Benchmark(Baseline = true)]
    public bool ValidateAndCheckNewAccount() => RegistrationRules.Validate(_newAccount, _context).IsValid;

    /// <summary>The same for an account whose CNPJ is already indexed (refused, with the match listed).</summary>
    [Benchmark]
    public bool ValidateAndCheckDuplicate() => RegistrationRules.Validate(_duplicate, _context).IsValid;

    /// <summary>The index look-up alone.</summary>
    [Benchmark]
    public int FindOnly() => _index.Find(_newKeys).Matches.Count;

    private static string CnpjOf(int i)
    {
        var root = $"{10_000_000 + i % 89_999_999:D8}0001";
        for (var dv = 0; dv < 100; dv++)
            if (Cnpj.IsValid($"{root}{dv:D2}"))
                return $"{root}{dv:D2}";
        throw new InvalidOperationException(root);
    }

    private static string PhoneOf(int i) => $"(11) 9{i % 100_000_000:D8}";

    private static string NameOf(int i) => $"Comercial {(char)('A' + i % 26)}{(char)('A' + i / 26 % 26)} {i} Ltda";

    private static DuplicateKeys KeysOf(int i) =>
        new(Cnpj.Parse(CnpjOf(i)).AsT0, [Email.Parse($"contato{i}@empresa{i % 5000}.com.br").AsT0], [Phone.Parse(PhoneOf(i)).AsT0],
            [NameOf(i), $"Loja {i}"]);

    private static RegistrationForm FormOf(int i) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = NameOf(i),
        TradeName = $"Loja {i}",
        ShortName = $"LOJA{i}",
        TaxId = CnpjOf(i),
        StateRegistration = "110.042.490.114",
        Addresses =
        [
            new AddressForm(AddressKind.Correspondence, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
            new AddressForm(AddressKind.Billing, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
            new AddressForm(AddressKind.Delivery, "Rua Augusta", "500", null, "Consolação", "São Paulo", "SP", "01305-000", "3550308", IsDefaultDelivery: true),
        ],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, PhoneOf(i))],
        Emails = [new EmailForm($"contato{i}@empresa{i % 5000}.com.br")],
    };
}
