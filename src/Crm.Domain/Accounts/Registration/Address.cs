using Crm.Domain.Registry;

namespace Crm.Domain.Accounts.Registration;

/// <summary>What an address is used for (seed 000: correspondence, billing and delivery addresses).</summary>
public enum AddressKind
{
    /// <summary>Correspondence (the main address; Datasul <c>endereco</c>).</summary>
    Correspondence,
    /// <summary>Billing (Datasul <c>endereco-cob</c>).</summary>
    Billing,
    /// <summary>A delivery place (Datasul <c>loc-entr</c>); one of them is the default.</summary>
    Delivery,
}

/// <summary>A validated address.</summary>
public sealed record Address
{
    internal Address(AddressKind kind, string street, string? number, string? complement, string? district, string city, Uf? uf,
        Cep? cep, CodigoMunicipio? municipality, string country, bool isDefaultDelivery, string? deliveryPlace)
    {
        Kind = kind;
        Street = street;
        Number = number;
        Complement = complement;
        District = district;
        City = city;
        Uf = uf;
        Cep = cep;
        Municipality = municipality;
        Country = country;
        IsDefaultDelivery = isDefaultDelivery;
        DeliveryPlace = deliveryPlace;
    }

    /// <summary>Its use.</summary>
    public AddressKind Kind { get; }
    /// <summary>Street (logradouro).</summary>
    public string Street { get; }
    /// <summary>Number.</summary>
    public string? Number { get; }
    /// <summary>Complement.</summary>
    public string? Complement { get; }
    /// <summary>District (bairro).</summary>
    public string? District { get; }
    /// <summary>City.</summary>
    public string City { get; }
    /// <summary>State; null abroad.</summary>
    public Uf? Uf { get; }
    /// <summary>CEP; null abroad.</summary>
    public Cep? Cep { get; }
    /// <summary>IBGE municipality code.</summary>
    public CodigoMunicipio? Municipality { get; }
    /// <summary>Country name (Datasul <c>pais</c>).</summary>
    public string Country { get; }
    /// <summary>True for the default delivery address (exactly one when there are delivery places).</summary>
    public bool IsDefaultDelivery { get; }
    /// <summary>The delivery place's code (Datasul <c>cod-entrega</c>).</summary>
    public string? DeliveryPlace { get; }
}

/// <summary>The type of a phone. Only the four ERP types are synchronized with the ERP (seed 000).</summary>
public enum PhoneType
{
    /// <summary>TELEFONE_ERP1 (Datasul <c>telefone[1]</c>).</summary>
    TelefoneErp1,
    /// <summary>TELEFONE_ERP2 (Datasul <c>telefone[2]</c>).</summary>
    TelefoneErp2,
    /// <summary>FAX_ERP1 (Datasul <c>telefax</c>).</summary>
    FaxErp1,
    /// <summary>FAX_ERP2 (Datasul <c>telex</c>).</summary>
    FaxErp2,
    /// <summary>Mobile, CRM only.</summary>
    Mobile,
    /// <summary>WhatsApp, CRM only.</summary>
    WhatsApp,
    /// <summary>Any other, CRM only.</summary>
    Other,
}

/// <summary>Which phone types the ERP receives.</summary>
public static class PhoneTypes
{
    /// <summary>True for TELEFONE_ERP1/2 and FAX_ERP1/2, the only types synchronized with the ERP (seed 000).</summary>
    public static bool IsSyncedToErp(this PhoneType type) =>
        type is PhoneType.TelefoneErp1 or PhoneType.TelefoneErp2 or PhoneType.FaxErp1 or PhoneType.FaxErp2;
}

/// <summary>A validated phone of a registration or contact.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Number">The number (E.164).</param>
/// <param name="Extension">The extension (ramal), digits only.</param>
public sealed record PhoneEntry(PhoneType Type, Phone Number, string? Extension)
{
    /// <summary>True for the types synchronized with the ERP: TELEFONE_ERP1/2 and FAX_ERP1/2.</summary>
    public bool IsSyncedToErp => Type.IsSyncedToErp();
}

/// <summary>What an e-mail address is for.</summary>
public enum EmailPurpose
{
    /// <summary>General contact (Datasul <c>e-mail</c>).</summary>
    General,
    /// <summary>Receives NF-e XML and DANFE (Datasul <c>cod-email-nfe</c>).</summary>
    Nfe,
    /// <summary>Receives bills and collection notices.</summary>
    Billing,
}

/// <summary>A validated e-mail of a registration or contact.</summary>
/// <param name="Address">The address.</param>
/// <param name="Purpose">What it is for.</param>
public sealed record EmailEntry(Email Address, EmailPurpose Purpose);

/// <summary>Kinds of electronic contact other than e-mail.</summary>
public enum ElectronicContactKind
{
    /// <summary>Web site (Datasul <c>home-page</c>).</summary>
    Website,
    /// <summary>Social network profile.</summary>
    SocialNetwork,
    /// <summary>Instant-messaging handle.</summary>
    Messenger,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>An electronic contact other than e-mail (site, social profile...).</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Value">The address or handle.</param>
public sealed record ElectronicContact(ElectronicContactKind Kind, string Value);
