using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Integration.Mapping;

/// <summary>
/// The parts of a registration an ERP receives (seed 000): only phones of types TELEFONE_ERP1/2 and FAX_ERP1/2, and only
/// observations of type <i>Integração</i>.
/// </summary>
public static class AccountProjection
{
    /// <summary>The phone of <paramref name="type"/>, when registered (each ERP type appears at most once).</summary>
    public static PhoneEntry? PhoneOf(this RegistrationData data, PhoneType type)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!type.IsSyncedToErp())
            throw new ArgumentException($"Phones of type {type} are not sent to the ERP.", nameof(type));
        return data.Phones.FirstOrDefault(p => p.Type == type);
    }

    /// <summary>The first e-mail for general contact (eligibility reads its length from <see cref="RegistrationData.Facts"/>).</summary>
    public static string? GeneralEmail(this RegistrationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var emails = data.Emails;
        for (var i = 0; i < emails.Count; i++)
            if (emails[i].Purpose == EmailPurpose.General)
                return emails[i].Address.Value;
        return null;
    }

    /// <summary>The addresses of e-mails of <paramref name="purpose"/>.</summary>
    public static IEnumerable<string> EmailsFor(this RegistrationData data, EmailPurpose purpose) =>
        data.Emails.Where(e => e.Purpose == purpose).Select(e => e.Address.Value);

    /// <summary>The texts of the <i>Integração</i> observations, joined by new lines; null when there are none.</summary>
    public static string? IntegrationNotes(this RegistrationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var notes = data.Observations.Where(o => o.IsSentToErp).Select(o => o.Text.Trim()).ToList();
        return notes.Count == 0 ? null : string.Join("\n", notes);
    }

    /// <summary>The first web site.</summary>
    public static string? Website(this RegistrationData data) =>
        data.OtherContacts.FirstOrDefault(c => c.Kind == ElectronicContactKind.Website)?.Value;

    /// <summary>The delivery places, the default one first, then in registration order.</summary>
    public static IEnumerable<Address> DeliveryPlaces(this RegistrationData data) =>
        data.Addresses.Where(a => a.Kind == AddressKind.Delivery).OrderByDescending(a => a.IsDefaultDelivery);

    /// <summary>The state registration as ERPs write it: the number, <c>ISENTO</c> when exempt, nothing for a non-taxpayer.</summary>
    public static string? StateRegistrationText(this RegistrationData data) => data.StateRegistration switch
    {
        null => null,
        { IsRegistered: true } ie => ie.Value,
        { Kind: Registry.InscricaoEstadualKind.ExemptFromRegistration } => "ISENTO",
        _ => null,
    };
}
