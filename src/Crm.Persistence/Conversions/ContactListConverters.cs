using System.Text.Json;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Registry;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Persistence.Conversions;

/// <summary>
/// A contact's phones, e-mails and consents as JSON in their typed-in shape (the number or address as canonical text),
/// read back through the value objects' parsers. EF cannot map the domain's <c>IReadOnlyList</c> as complex collections.
/// </summary>
internal static class ContactListConverters
{
    public static ValueConverter<IReadOnlyList<PhoneEntry>, string> Phones { get; } = new(
        v => JsonSerializer.Serialize(v.Select(p => new PhoneForm(p.Type, p.Number.Value, p.Extension)), RegistrationDataConverter.Json),
        s => ReadPhones(s));

    public static ValueConverter<IReadOnlyList<EmailEntry>, string> Emails { get; } = new(
        v => JsonSerializer.Serialize(v.Select(e => new EmailForm(e.Address.Value, e.Purpose)), RegistrationDataConverter.Json),
        s => ReadEmails(s));

    public static ValueConverter<IReadOnlyList<MarketingConsent>, string> Marketing { get; } = new(
        v => JsonSerializer.Serialize(v, RegistrationDataConverter.Json),
        s => JsonSerializer.Deserialize<List<MarketingConsent>>(s, RegistrationDataConverter.Json)!);

    /// <summary>Lead or account as <c>lead:guid</c> / <c>account:guid</c>.</summary>
    public static ValueConverter<RegistrationRef, string> Owner { get; } = new(v => v.ToString(), s => ReadOwner(s));

    /// <summary>Compares lists by their elements, so an edit that replaces a list with an equal one writes nothing.</summary>
    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList());

    private static List<PhoneEntry> ReadPhones(string json) => [.. JsonSerializer.Deserialize<List<PhoneForm>>(json, RegistrationDataConverter.Json)!
        .Select(p => new PhoneEntry(p.Type, Phone.Parse(p.Number).AsT0, p.Extension))];

    private static List<EmailEntry> ReadEmails(string json) => [.. JsonSerializer.Deserialize<List<EmailForm>>(json, RegistrationDataConverter.Json)!
        .Select(e => new EmailEntry(Email.Parse(e.Address).AsT0, e.Purpose))];

    private static RegistrationRef ReadOwner(string text) => text.Split(':') switch
    {
        ["lead", var id] => new LeadId(Guid.Parse(id)),
        [_, var id] => new AccountId(Guid.Parse(id)),
        _ => throw new FormatException($"Not a lead or account reference: {text}"),
    };
}
