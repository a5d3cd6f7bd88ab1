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
    /// The version this build of Crm.Domain implements: what a host offers and what a new adapter should state. 1.1 added
    /// <see cref="Eligibility.AccountRules"/> rules built from a field alone (<c>Informed(field)</c>, <c>Integrated(field, kind)</c>,
    /// <c>FitsIn(field, max)</c>, <c>Digits</c>), which read the account's packed facts, and
    /// <see cref="Eligibility.IntegratedMasterData.Find(Eligibility.MasterDataKind, Accounts.Registration.RegistrationData)"/>; the
    /// 1.0 rules given a selector are unchanged.
    /// </summary>
    public static ContractVersion Current { get; } = new(1, 1);

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
