using System.Runtime.CompilerServices;
using Crm.Domain.Accounts.Configuration;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The facts of a registration that checks over a whole tenant read (ERP eligibility of every account), flattened into one
/// compact value that lives inline in its <see cref="RegistrationData"/>: which addresses exist, text lengths, presence flags
/// and, internally, the master-data codes and the short name packed as numbers. Reading it touches two or three cache lines
/// instead of the twenty-odd objects (addresses, e-mails, strings) the data is made of. It is computed once, when the data is
/// validated; data never changes afterwards (an edit validates new data).
/// </summary>
internal readonly struct RegistrationFacts
{
    // The master-data fields whose codes are packed, in the order of their slots.
    private static ReadOnlySpan<RegistrationField> PackedFields =>
    [
        RegistrationField.ClientType, RegistrationField.AccountType, RegistrationField.ClientGroup, RegistrationField.Representative,
        RegistrationField.Carrier, RegistrationField.Portador, RegistrationField.PaymentCondition, RegistrationField.PriceTable,
    ];

    private readonly PackedCodes _codes;

    internal RegistrationFacts(RegistrationData data)
    {
        for (var slot = 0; slot < PackedFields.Length; slot++)
            _codes[slot] = Pack(CodeOf(data, PackedFields[slot]));
        ShortNameKey = ShortNameKey.Of(data.ShortName);
        LegalNameLength = data.LegalName.Length;
        ShortNameLength = data.ShortName?.Value.Length ?? 0;
        GeneralEmailLength = data.Emails.FirstOrDefault(e => e.Purpose == EmailPurpose.General)?.Address.Value.Length ?? 0;
        Kind = data.Kind;
        HasTaxId = data.TaxId is not null;
        HasCustomFields = data.CustomFields.Count > 0;
        var correspondence = data.AddressOf(AddressKind.Correspondence);
        HasCorrespondenceAddress = correspondence is not null;
        CorrespondenceHasMunicipality = correspondence?.Municipality is not null;
        HasBillingAddress = data.AddressOf(AddressKind.Billing) is not null;
        HasDefaultDeliveryAddress = data.AddressOf(AddressKind.Delivery) is not null;
    }

    /// <summary>The short name's uniqueness key.</summary>
    internal ShortNameKey ShortNameKey { get; }
    /// <summary>Characters in the legal name.</summary>
    public int LegalNameLength { get; }
    /// <summary>Characters in the short name; 0 without one.</summary>
    public int ShortNameLength { get; }
    /// <summary>Characters in the first general-contact e-mail; 0 without one.</summary>
    public int GeneralEmailLength { get; }
    /// <summary>Física, jurídica or estrangeiro.</summary>
    public PersonKind Kind { get; }
    /// <summary>True when a CPF or CNPJ is registered.</summary>
    public bool HasTaxId { get; }
    /// <summary>True when any tenant-defined field is filled.</summary>
    public bool HasCustomFields { get; }
    /// <summary>True when the correspondence (main) address is registered.</summary>
    public bool HasCorrespondenceAddress { get; }
    /// <summary>True when the correspondence address has its IBGE municipality code (false without the address).</summary>
    public bool CorrespondenceHasMunicipality { get; }
    /// <summary>True when the billing address is registered.</summary>
    public bool HasBillingAddress { get; }
    /// <summary>True when a default delivery address is registered.</summary>
    public bool HasDefaultDeliveryAddress { get; }

    /// <summary>The packed client type.</summary>
    internal ulong ClientType => _codes[0];
    /// <summary>The packed account type.</summary>
    internal ulong AccountType => _codes[1];
    /// <summary>The packed client group.</summary>
    internal ulong ClientGroup => _codes[2];

    /// <summary>
    /// The slot of <paramref name="field"/>'s packed code for <see cref="Code"/>, or -1 when the facts do not hold it; asked once,
    /// when a rule is built.
    /// </summary>
    internal static int SlotOf(RegistrationField field)
    {
        for (var slot = 0; slot < PackedFields.Length; slot++)
            if (PackedFields[slot] == field)
                return slot;
        return -1;
    }

    /// <summary>
    /// The packed code in <paramref name="slot"/> (<see cref="SlotOf"/>): <see cref="PackedText.Absent"/> when not informed,
    /// <see cref="PackedText.Unpackable"/> when the code must be read from the data.
    /// </summary>
    internal ulong Code(int slot) => _codes[slot];

    /// <summary>The packed word of <paramref name="code"/> (codes are compared ordinally, as <see cref="MasterDataCode"/> is).</summary>
    internal static ulong Pack(MasterDataCode? code) => code is { } c ? PackedText.Pack(c.Value, ignoreCase: false) : PackedText.Absent;

    /// <summary>True when <paramref name="field"/> holds a master-data code (<see cref="CodeOf"/>).</summary>
    internal static bool IsCode(RegistrationField field) =>
        field is RegistrationField.FiscalCategory or RegistrationField.Portfolio || SlotOf(field) >= 0;

    /// <summary>The code of the master-data <paramref name="field"/> of <paramref name="data"/>.</summary>
    internal static MasterDataCode? CodeOf(RegistrationData data, RegistrationField field) => field switch
    {
        RegistrationField.FiscalCategory => data.FiscalCategory,
        RegistrationField.ClientType => data.ClientType,
        RegistrationField.AccountType => data.AccountType,
        RegistrationField.ClientGroup => data.ClientGroup,
        RegistrationField.Representative => data.Representative,
        RegistrationField.Carrier => data.Carrier,
        RegistrationField.Portador => data.Portador,
        RegistrationField.PaymentCondition => data.PaymentCondition,
        RegistrationField.PriceTable => data.PriceTable,
        RegistrationField.Portfolio => data.Portfolio,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a master-data field."),
    };

    [InlineArray(8)]
    private struct PackedCodes
    {
        private ulong _first;
    }
}
