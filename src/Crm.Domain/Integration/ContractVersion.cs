using System.Globalization;

namespace Crm.Domain.Integration;

/// <summary>
/// The version of the adapter contract (<see cref="IErpAdapter"/> and the types around it). An adapter states the version
/// it was built for; the host runs it when <see cref="Accepts"/> says so: same major (a major bump breaks adapters), and an
/// adapter minor no newer than the host's (a minor bump only adds, so older adapters keep working on newer hosts).
/// </summary>
public readonly record struct ContractVersion : IComparable<ContractVersion>
{
    /// <summary>Creates a version; both parts are non-negative.</summary>
    public ContractVersion(int major, int minor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        Major = major;
        Minor = minor;
    }

    /// <summary>
    /// The major of the contract this build of Crm.Domain implements. A constant: an adapter that states
    /// <c>new ContractVersion(ContractVersion.CompiledMajor, ContractVersion.CompiledMinor)</c> (or builds its
    /// <see cref="AdapterDescriptor"/> without a version) gets the value of the Crm.Domain it was compiled against baked into
    /// its own assembly, so a host of another version sees the truth.
    /// </summary>
    public const int CompiledMajor = 1;

    /// <summary>
    /// The minor of the contract this build of Crm.Domain implements (see <see cref="CompiledMajor"/>). 1.1 added
    /// <see cref="Eligibility.AccountRules"/> rules built from a field alone (<c>Informed(field)</c>,
    /// <c>Integrated(field, kind)</c>, <c>FitsIn(field, max)</c>, <c>Digits</c>), which read the account's packed facts, and
    /// <see cref="Eligibility.IntegratedMasterData.Find(Eligibility.MasterDataKind, Accounts.Registration.RegistrationData)"/>.
    /// 1.2 made <see cref="ErpAdapter{TPayload}.Evaluate"/> a default (the adapter's rules for the ERP, the "Gestão de Planos
    /// unsupported" answer for GP), added <see cref="Messages.IdempotencyKey.TryParse"/>, and let rule codes use the ERP id
    /// alphabet (hyphens). 1.3 added <see cref="IErpAdapter.PrepareOrder"/> for released sales orders, with a default that
    /// answers "orders not supported", and <see cref="IErpAdapter.CheckOrder"/> (default: accepts). Adapters built for 1.0 to 1.2 run unchanged.
    /// </summary>
    public const int CompiledMinor = 3;

    /// <summary>
    /// The version the running Crm.Domain implements: what a host offers. It is read at run time, from the host's copy of
    /// Crm.Domain, so an adapter must not state it as the version it was built for: use <see cref="CompiledMajor"/> and
    /// <see cref="CompiledMinor"/>, which the compiler copies into the adapter.
    /// </summary>
    public static ContractVersion Current { get; } = new(CompiledMajor, CompiledMinor);

    /// <summary>Breaking changes.</summary>
    public int Major { get; }

    /// <summary>Additive changes.</summary>
    public int Minor { get; }

    /// <summary>True when a host implementing this version can run an adapter built for <paramref name="adapter"/>.</summary>
    public bool Accepts(ContractVersion adapter) => adapter.Major == Major && adapter.Minor <= Minor;

    /// <inheritdoc />
    public int CompareTo(ContractVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary><c>major.minor</c>, e.g. <c>1.0</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
