using Crm.Domain.Accounts.Configuration;

namespace Crm.Domain.Accounts.Registration;

/// <summary>
/// The facts of a registration that checks over a whole tenant read (ERP eligibility of every account), flattened into one
/// compact value that lives inline in its <see cref="RegistrationData"/>: master-data codes packed as numbers
/// (<see cref="PackedText"/>), which addresses exist, text lengths, presence flags. Reading it touches two or three cache lines
/// instead of the twenty-odd objects (addresses, e-mails, strings) the data is made of. It is computed once, when the data is
/// validated; data never changes afterwards (an edit validates new data).
/// </summary>
public readonly struct RegistrationFacts
{
    internal RegistrationFacts(RegistrationData data)
    {
        ClientType = Pack(data.ClientType);
        AccountType = Pack(data.AccountType);
        ClientGroup = Pack(data.ClientGroup);
        Representative = Pack(data.Representative);
        Carrier = Pack(data.Carrier);
        Portador = Pack(data.Portador);
        PaymentCondition = Pack(data.PaymentCondition);
        PriceTable = Pack(data.PriceTable);
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

    /// <summary>The client type, packed.</summary>
    public ulong ClientType { get; }
    /// <summary>The account type, packed.</summary>
    public ulong AccountType { get; }
    /// <summary>The client group, packed.</summary>
    public ulong ClientGroup { get; }
    /// <summary>The representative, packed.</summary>
    public ulong Representative { get; }
    /// <summary>The carrier, packed.</summary>
    public ulong Carrier { get; }
    /// <summary>The portador, packed.</summary>
    public ulong Portador { get; }
    /// <summary>The payment condition, packed.</summary>
    public ulong PaymentCondition { get; }
    /// <summary>The price table, packed.</summary>
    public ulong PriceTable { get; }
    /// <summary>The short name's uniqueness key.</summary>
    public ShortNameKey ShortNameKey { get; }
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

    /// <summary>
    /// The packed code of <paramref name="field"/>, one of the master-data fields from <see cref="RegistrationField.ClientType"/>
    /// to <see cref="RegistrationField.PriceTable"/>: <see cref="PackedText.Absent"/> when not informed,
    /// <see cref="PackedText.Unpackable"/> when the code must be read from the data.
    /// </summary>
    public ulong Code(RegistrationField field) => field switch
    {
        RegistrationField.ClientType => ClientType,
        RegistrationField.AccountType => AccountType,
        RegistrationField.ClientGroup => ClientGroup,
        RegistrationField.Representative => Representative,
        RegistrationField.Carrier => Carrier,
        RegistrationField.Portador => Portador,
        RegistrationField.PaymentCondition => PaymentCondition,
        RegistrationField.PriceTable => PriceTable,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a master-data field with packed facts."),
    };

    /// <summary>True when <paramref name="field"/> is a master-data field whose packed code <see cref="Code"/> gives.</summary>
    public static bool HasCode(RegistrationField field) => field is >= RegistrationField.ClientType and <= RegistrationField.PriceTable;

    /// <summary>The packed word of <paramref name="code"/> (codes are compared ordinally, as <see cref="MasterDataCode"/> is).</summary>
    public static ulong Pack(MasterDataCode? code) => code is { } c ? PackedText.Pack(c.Value, ignoreCase: false) : PackedText.Absent;
}
