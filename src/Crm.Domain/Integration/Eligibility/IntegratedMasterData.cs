using Crm.Domain.Accounts.Configuration;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// The kinds of master data an account points to whose integration with the ERP the rules check. Client groups are not
/// here: <see cref="ClientGroup.IntegratedWithErp"/> already says it in the tenant's settings.
/// </summary>
public enum MasterDataKind
{
    /// <summary>Sales representative (Datasul <c>cod-rep</c>, Protheus <c>A1_VEND</c>).</summary>
    Representative,

    /// <summary>Carrier (Datasul <c>cod-transp</c>, Protheus <c>A1_TRANSP</c>).</summary>
    Carrier,

    /// <summary>Portador, the collection agent (Datasul <c>portador</c>).</summary>
    Portador,

    /// <summary>Payment condition (Datasul <c>cod-cond-pag</c>, Protheus <c>A1_COND</c>).</summary>
    PaymentCondition,

    /// <summary>Price table (Datasul <c>nr-tabpre</c>, Protheus <c>A1_TABELA</c>).</summary>
    PriceTable,
}

/// <summary>A master-data record as the ERP knows it.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Active">False when the ERP deactivated it (Mega syncs only active price tables and conditions).</param>
/// <param name="Receivable">For payment conditions: true for an "A receber" (receivable) condition, the only kind Mega syncs.</param>
public sealed record MasterDataRecord(MasterDataKind Kind, MasterDataCode Code, string Name, bool Active = true, bool Receivable = true);

/// <summary>The master data an ERP knows, by kind and code; look-ups allocate nothing.</summary>
public sealed class IntegratedMasterData
{
    private readonly Dictionary<MasterDataCode, MasterDataRecord>[] _byKind =
        [.. Enum.GetValues<MasterDataKind>().Select(_ => new Dictionary<MasterDataCode, MasterDataRecord>())];

    /// <summary>Indexes <paramref name="records"/>; a later record with the same kind and code replaces an earlier one.</summary>
    public IntegratedMasterData(IEnumerable<MasterDataRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
            _byKind[(int)record.Kind][record.Code] = record;
    }

    /// <summary>No master data: nothing is integrated.</summary>
    public static IntegratedMasterData None { get; } = new([]);

    /// <summary>The record of <paramref name="kind"/> with <paramref name="code"/>, or null when the ERP does not know it.</summary>
    public MasterDataRecord? Find(MasterDataKind kind, MasterDataCode? code) =>
        code is { } c && _byKind[(int)kind].TryGetValue(c, out var record) ? record : null;

    /// <summary>True when <paramref name="code"/> is given and the ERP knows it.</summary>
    public bool IsIntegrated(MasterDataKind kind, MasterDataCode? code) => Find(kind, code) is not null;

    /// <summary>Every record of <paramref name="kind"/>.</summary>
    public IEnumerable<MasterDataRecord> All(MasterDataKind kind) => _byKind[(int)kind].Values;
}
