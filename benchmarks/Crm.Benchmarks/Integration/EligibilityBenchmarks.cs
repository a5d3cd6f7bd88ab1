using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Benchmarks.Integration;

/// <summary>
/// ERP eligibility of a whole tenant, as the integration job walks it (target: at least 2,000,000 accounts per second on one
/// core, and no allocation for an eligible account). Every operation evaluates each of <see cref="Accounts"/> distinct,
/// fully registered accounts once — each with its addresses, phones, e-mails, codes and change history (about 8 KB), and a
/// short-name directory holding every one of their names — so the accounts come from memory, not from the CPU caches.
/// "Store order" walks them in the order they were materialized, as a job does with the pages a store loads; "shuffled"
/// walks the same accounts in a random order, so the hardware prefetcher cannot help (the worst case: accounts long scattered
/// through the heap). A million such accounts take about 9 GB (the benchmark machine has 24 GiB). "Accounts/s" is <see cref="Accounts"/> divided by the mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class EligibilityBenchmarks
{
    private IErpAdapter _datasul = null!;
    private IErpAdapter _protheus = null!;
    private EligibilityContext _context = null!;
    private Account[] _eligible = null!;
    private Account[] _shuffled = null!;
    private Account[] _oneInTenRefused = null!;

    /// <summary>Distinct accounts in the tenant, each evaluated once per operation.</summary>
    [Params(100_000, 1_000_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reseller = MasterDataCode.Of("REV");
        var settings = new AccountSettings(
            clientTypes: new ClientTypeMapping([new ClientType(reseller, "Revenda")], [new AccountType(MasterDataCode.Of("CLI"), "Cliente", true)],
                [(reseller, MasterDataCode.Of("CLI"))]),
            clientGroups: [new ClientGroup(MasterDataCode.Of("10"), "Revendas", PersonKind.Juridica, true, new RegistrationDefaults())]);
        var masterData = new IntegratedMasterData(
        [
            new(MasterDataKind.Representative, MasterDataCode.Of("7"), "Sul"),
            new(MasterDataKind.Carrier, MasterDataCode.Of("3"), "Rápida"),
            new(MasterDataKind.Portador, MasterDataCode.Of("1"), "Banco"),
            new(MasterDataKind.PaymentCondition, MasterDataCode.Of("15"), "30 dias"),
            new(MasterDataKind.PriceTable, MasterDataCode.Of("TB1"), "2026"),
        ]);
        _eligible = new Account[Accounts];
        _oneInTenRefused = new Account[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            _eligible[i] = Register(FormOf(i), settings);
            // One in ten refused on two rules (carrier not integrated, short name too long), allocated among the others.
            _oneInTenRefused[i] = i % 10 == 0
                ? Register(FormOf(i) with { Carrier = "4", ShortName = $"LOJA-LONGA-{i}" }, settings)
                : _eligible[i];
        }
        var shortNames = new ShortNameDirectory();
        foreach (var account in _oneInTenRefused.Concat(_eligible))
            shortNames.Add(account.Data.ShortName!.Value, account.Id);
        _shuffled = [.. _eligible];
        new Random(6).Shuffle(_shuffled);
        _context = new EligibilityContext(settings, masterData, shortNames);
        _datasul = new DatasulAdapter();
        _protheus = new ProtheusAdapter();
        if (Count(_datasul, _eligible) != Accounts || Count(_protheus, _eligible) != Accounts
            || Count(_datasul, _oneInTenRefused) != Accounts - (Accounts + 9) / 10)
            throw new InvalidOperationException("The benchmark accounts must be eligible, but for one in ten.");
        // Registration leaves its garbage between the accounts' objects; compacting puts each account's objects together,
        // as they are when a store materializes a page of accounts.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Datasul (seed 000 rules) over eligible accounts, in store order.</summary>
    [Benchmark(Baseline = true)]
    public int DatasulEligible() => Count(_datasul, _eligible);

    /// <summary>Datasul over the same accounts in a random order.</summary>
    [Benchmark]
    public int DatasulEligibleShuffled() => Count(_datasul, _shuffled);

    /// <summary>Datasul with one account in ten refused on two rules (the problems are allocated).</summary>
    [Benchmark]
    public int DatasulOneInTenRefused() => Count(_datasul, _oneInTenRefused);

    /// <summary>Protheus (SA1 rules) over eligible accounts, in store order.</summary>
    [Benchmark]
    public int ProtheusEligible() => Count(_protheus, _eligible);

    /// <summary>Protheus over the same accounts in a random order.</summary>
    [Benchmark]
    public int ProtheusEligibleShuffled() => Count(_protheus, _shuffled);

    private int Count(IErpAdapter adapter, Account[] accounts)
    {
        var eligible = 0;
        foreach (var account in accounts)
            if (adapter.Evaluate(account, _context).IsEligible)
                eligible++;
        return eligible;
    }

    private static Account Register(RegistrationForm form, AccountSettings settings) =>
        Account.Register(new AccountId(Guid.NewGuid()), new TenantId(Guid.Empty),
            RegistrationRules.Validate(form, new RegistrationContext(settings, RegistrationKind.Account)).AsT0,
            new UserId(Guid.Empty), new FixedClock());

    private static RegistrationForm FormOf(int i) => new()
    {
        Kind = PersonKind.Juridica,
        LegalName = $"Comercial {i} Ltda",
        ShortName = $"LOJA{i}",
        TaxId = CnpjOf(i),
        ClientType = "REV",
        AccountType = "CLI",
        ClientGroup = "10",
        Representative = "7",
        Carrier = "3",
        Portador = "1",
        PaymentCondition = "15",
        PriceTable = "TB1",
        Addresses =
        [
            new AddressForm(AddressKind.Correspondence, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
            new AddressForm(AddressKind.Billing, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
            new AddressForm(AddressKind.Delivery, "Rua Augusta", "500", null, "Consolação", "São Paulo", "SP", "01305-000", "3550308", IsDefaultDelivery: true),
        ],
        Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7890")],
        Emails = [new EmailForm($"contato{i}@empresa.com.br")],
    };

    private static string CnpjOf(int i)
    {
        var root = $"{10_000_000 + i:D8}0001";
        for (var dv = 0; dv < 100; dv++)
            if (Cnpj.IsValid($"{root}{dv:D2}"))
                return $"{root}{dv:D2}";
        throw new InvalidOperationException(root);
    }

    private sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2026, 11, 22, 12, 0);
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new AccountsPerSecondColumn());
    }

    /// <summary>Accounts evaluated per second: the <see cref="Accounts"/> parameter over the mean time.</summary>
    private sealed class AccountsPerSecondColumn : IColumn
    {
        public string Id => nameof(AccountsPerSecondColumn);
        public string ColumnName => "Accounts/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Accounts evaluated per second";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var accounts = benchmarkCase.Parameters["Accounts"] is int n ? n : 0;
            return mean is > 0 ? (accounts / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "-";
        }
    }
}
