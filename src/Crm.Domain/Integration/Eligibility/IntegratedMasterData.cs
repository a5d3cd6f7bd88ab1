using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;

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

/// <summary>
/// The master data an ERP knows, by kind and code; look-ups allocate nothing. Short ASCII codes are also indexed by the number
/// they pack into, so the eligibility of an account reads its <see cref="RegistrationFacts"/> and a small table, never the
/// code's string.
/// </summary>
public sealed class IntegratedMasterData
{
    private static readonly int Kinds = Enum.GetValues<MasterDataKind>().Length;

    private readonly Dictionary<MasterDataCode, MasterDataRecord>[] _byKind =
        [.. Enumerable.Range(0, Kinds).Select(_ => new Dictionary<MasterDataCode, MasterDataRecord>())];

    private readonly Dictionary<ulong, MasterDataRecord>[] _byPackedCode =
        [.. Enumerable.Range(0, Kinds).Select(_ => new Dictionary<ulong, MasterDataRecord>())];

    /// <summary>Indexes <paramref name="records"/>; a later record with the same kind and code replaces an earlier one.</summary>
    public IntegratedMasterData(IEnumerable<MasterDataRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            _byKind[(int)record.Kind][record.Code] = record;
            if (RegistrationFacts.Pack(record.Code) is var packed && PackedText.IsPacked(packed))
                _byPackedCode[(int)record.Kind][packed] = record;
        }
    }

    /// <summary>No master data: nothing is integrated.</summary>
    public static IntegratedMasterData None { get; } = new([]);

    /// <summary>The record of <paramref name="kind"/> with <paramref name="code"/>, or null when the ERP does not know it.</summary>
    public MasterDataRecord? Find(MasterDataKind kind, MasterDataCode? code) =>
        code is { } c && _byKind[(int)kind].TryGetValue(c, out var record) ? record : null;

    /// <summary>
    /// The record of <paramref name="kind"/> that <paramref name="data"/> points to (its representative, carrier, portador,
    /// payment condition or price table), or null when not informed or the ERP does not know it. Reads the packed code of
    /// <see cref="RegistrationData.Facts"/>, so it allocates nothing and, typically, reads no string.
    /// </summary>
    public MasterDataRecord? Find(MasterDataKind kind, RegistrationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var field = FieldOf(kind);
        return Find(kind, data, field, RegistrationFacts.SlotOf(field));
    }

    /// <summary>
    /// The record of <paramref name="kind"/> that the master-data <paramref name="field"/> of <paramref name="data"/> points to,
    /// its packed code in <paramref name="slot"/> (<see cref="RegistrationFacts.SlotOf"/>).
    /// </summary>
    internal MasterDataRecord? Find(MasterDataKind kind, RegistrationData data, RegistrationField field, int slot)
    {
        var packed = data.Facts.Code(slot);
        if (packed == PackedText.Unpackable)
            return Find(kind, RegistrationFacts.CodeOf(data, field));
        return packed != PackedText.Absent && _byPackedCode[(int)kind].TryGetValue(packed, out var record) ? record : null;
    }

    /// <summary>True when <paramref name="code"/> is given and the ERP knows it.</summary>
    public bool IsIntegrated(MasterDataKind kind, MasterDataCode? code) => Find(kind, code) is not null;

    /// <summary>Every record of <paramref name="kind"/>.</summary>
    public IEnumerable<MasterDataRecord> All(MasterDataKind kind) => _byKind[(int)kind].Values;

    private static RegistrationField FieldOf(MasterDataKind kind) => kind switch
    {
        MasterDataKind.Representative => RegistrationField.Representative,
        MasterDataKind.Carrier => RegistrationField.Carrier,
        MasterDataKind.Portador => RegistrationField.Portador,
        MasterDataKind.PaymentCondition => RegistrationField.PaymentCondition,
        MasterDataKind.PriceTable => RegistrationField.PriceTable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of master data."),
    };
}
