using System.Globalization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.History;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Registry;
using Crm.Imports.Writing;
using NodaTime;
using NodaTime.Text;

namespace Crm.Imports.Privacy;

/// <summary>One record the CRM holds about a person: what it is, its id, its fields as they are now and the history of their changes.</summary>
/// <param name="Kind">What the record is, in the user's terms (<c>Lead</c>, <c>Conta</c>, <c>Contato</c>, <c>Responsável em conta</c>…).</param>
/// <param name="Id">The record's CRM id.</param>
/// <param name="Fields">Its fields (field path → value); secret values are written as <see cref="HistoryEntry.Hidden"/>.</param>
/// <param name="History">Every recorded change of those fields, oldest first.</param>
public sealed record PersonRecord(string Kind, string Id, FieldSnapshot Fields, IReadOnlyList<HistoryEntry> History)
{
    /// <summary>A lead whose CPF is the person's: the whole lead.</summary>
    public static PersonRecord Of(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new("Lead", lead.Id.Value.ToString(), lead.Snapshot(), lead.History.Entries);
    }

    /// <summary>An account whose CPF is the person's: the whole account.</summary>
    public static PersonRecord Of(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new("Conta", account.Id.Value.ToString(), account.Snapshot(), account.History.Entries);
    }

    /// <summary>A contact whose CPF is the person's: the whole contact.</summary>
    public static PersonRecord Of(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new("Contato", contact.Id.Value.ToString(), contact.Snapshot(), contact.History.Entries);
    }

    /// <summary>
    /// The person as a responsible person of someone else's registration (a company's buyer): only that entry's fields and
    /// the changes recorded under its path, not the company's data.
    /// </summary>
    public static PersonRecord Responsible(string kind, string id, FieldSnapshot snapshot, IReadOnlyList<HistoryEntry> history, int index)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(history);
        var path = $"responsible_people[{index}].";
        var fields = snapshot.Fields.Where(f => f.Key.StartsWith(path, StringComparison.Ordinal))
            .Aggregate(FieldSnapshot.Empty, (s, f) => s.With(f.Key, f.Value.Text, f.Value.IsSecret));
        return new($"Responsável em {kind.ToLowerInvariant()}", id, fields, [.. history.Where(h => h.Field.StartsWith(path, StringComparison.Ordinal))]);
    }
}

/// <summary>
/// A person's data export for an LGPD request (Lei 13.709/2018 art. 18, II: access to the data): everything the CRM holds about
/// a CPF, as one xlsx workbook of three sheets.
/// </summary>
/// <remarks>
/// <para><b>Pedido</b> (the request): two columns <c>Campo</c> | <c>Valor</c>, rows <c>CPF</c> (masked as 000.000.000-00),
/// <c>Gerado em</c> (UTC, ISO 8601), <c>Registros</c> (how many records follow) and <c>Conteúdo</c> (what the sheets hold).</para>
/// <para><b>Dados</b> (the data now): <c>Tipo</c> | <c>Registro</c> | <c>Campo</c> | <c>Valor</c>, one row per field of each
/// record, field paths as the CRM's history names them (<c>legal_name</c>, <c>addresses[0].city</c>, <c>marketing[0].channel</c>).</para>
/// <para><b>Histórico</b> (every change): <c>Tipo</c> | <c>Registro</c> | <c>Quando</c> (UTC) | <c>Usuário</c> (the CRM user id
/// who changed it) | <c>Campo</c> | <c>Antes</c> | <c>Depois</c>.</para>
/// <para>Records are those <see cref="About"/> finds: leads and accounts with the CPF as their tax id, contacts with it, and the
/// responsible-person entries with it in other registrations. Secret values (secret custom fields) are written as
/// <c>***</c>, as the history keeps them.</para>
/// </remarks>
public static class PersonDataExport
{
    /// <summary>The records of <paramref name="leads"/>, <paramref name="accounts"/> and <paramref name="contacts"/> about <paramref name="cpf"/>.</summary>
    public static IReadOnlyList<PersonRecord> About(Cpf cpf, IEnumerable<Lead> leads, IEnumerable<Account> accounts, IEnumerable<Contact> contacts)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(contacts);
        var records = new List<PersonRecord>();
        foreach (var lead in leads)
            Add(records, cpf, lead.Data, PersonRecord.Of(lead));
        foreach (var account in accounts)
            Add(records, cpf, account.Data, PersonRecord.Of(account));
        records.AddRange(contacts.Where(c => c.Cpf == cpf).Select(PersonRecord.Of));
        return records;
    }

    private static void Add(List<PersonRecord> records, Cpf cpf, RegistrationData data, PersonRecord whole)
    {
        if (data.TaxId is { } taxId && taxId.Digits == cpf.Value)
        {
            records.Add(whole);
            return;
        }
        for (var i = 0; i < data.ResponsiblePeople.Count; i++)
            if (data.ResponsiblePeople[i].Cpf == cpf)
                records.Add(PersonRecord.Responsible(whole.Kind, whole.Id, whole.Fields, whole.History, i));
    }

    /// <summary>Writes the workbook described above for <paramref name="cpf"/>.</summary>
    public static void Write(Stream output, Cpf cpf, Instant generatedAt, IReadOnlyList<PersonRecord> records)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        SheetWriter.WriteWorkbook(output,
        [
            ("Pedido", [new SheetColumn("Campo"), new SheetColumn("Valor")],
            [
                ["CPF", cpf.ToString()],
                ["Gerado em", InstantPattern.General.Format(generatedAt)],
                ["Registros", records.Count.ToString(CultureInfo.InvariantCulture)],
                ["Conteúdo", "Dados: os campos de cada registro hoje. Histórico: cada alteração registrada, com quando e por quem."],
            ]),
            ("Dados", [new SheetColumn("Tipo"), new SheetColumn("Registro"), new SheetColumn("Campo"), new SheetColumn("Valor")],
                records.SelectMany(r => r.Fields.Fields.Select(f => (IReadOnlyList<string?>)
                    [r.Kind, r.Id, f.Key, f.Value.IsSecret ? HistoryEntry.Hidden : f.Value.Text]))),
            ("Histórico",
            [
                new SheetColumn("Tipo"), new SheetColumn("Registro"), new SheetColumn("Quando"), new SheetColumn("Usuário"),
                new SheetColumn("Campo"), new SheetColumn("Antes"), new SheetColumn("Depois"),
            ],
                records.SelectMany(r => r.History.Select(h => (IReadOnlyList<string?>)
                    [r.Kind, r.Id, InstantPattern.General.Format(h.At), h.By.Value.ToString(), h.Field, h.OldValue, h.NewValue]))),
        ]);
    }
}
