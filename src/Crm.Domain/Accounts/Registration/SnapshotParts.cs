using System.Globalization;
using Crm.Domain.Accounts.History;
using NodaTime;

namespace Crm.Domain.Accounts.Registration;

/// <summary>How the lists shared by registrations and contacts are flattened into a <see cref="FieldSnapshot"/>.</summary>
internal static class SnapshotParts
{
    public static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Describes each item under <c>{name}[{i}]</c>.</summary>
    public static FieldSnapshot Each<T>(this FieldSnapshot snapshot, string name, IReadOnlyList<T> items,
        Func<FieldSnapshot, string, T, FieldSnapshot> describe)
    {
        for (var i = 0; i < items.Count; i++)
            snapshot = describe(snapshot, $"{name}[{i}]", items[i]);
        return snapshot;
    }

    public static FieldSnapshot WithPhones(this FieldSnapshot snapshot, string name, IReadOnlyList<PhoneEntry> phones) =>
        snapshot.Each(name, phones, (s, p, x) => s
            .With(p + ".type", x.Type.ToString()).With(p + ".number", x.Number.Value).With(p + ".extension", x.Extension));

    public static FieldSnapshot WithEmails(this FieldSnapshot snapshot, string name, IReadOnlyList<EmailEntry> emails) =>
        snapshot.Each(name, emails, (s, p, x) => s.With(p + ".address", x.Address.Value).With(p + ".purpose", x.Purpose.ToString()));

    public static FieldSnapshot WithMarketing(this FieldSnapshot snapshot, string name, IReadOnlyList<MarketingConsent> consents) =>
        snapshot.Each(name, consents, (s, p, x) => s
            .With(p + ".channel", x.Channel.ToString()).With(p + ".opted_in", x.OptedIn ? "true" : "false")
            .With(p + ".on", Iso(x.On)).With(p + ".source", x.Source));
}
