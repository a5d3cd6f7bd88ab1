using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Registration;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Duplicates;

/// <summary>
/// The duplicate keys and short names of a batch of registrations (an import batch), read in three queries for the whole
/// batch instead of three per registration; <see cref="DatabaseDuplicates"/> and <see cref="DatabaseShortNames"/> of the
/// same unit of work answer from them for the keys read, until the next save.
/// </summary>
public static class RegistrationKeys
{
    /// <summary>
    /// Reads, for <paramref name="registrations"/>, every stored duplicate key row and the live account or open lead holding
    /// each short name, for the unit of work's lookups until its next save (which may change them).
    /// </summary>
    public static async Task PreloadAsync(this CrmDbContext db, IEnumerable<RegistrationData> registrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(registrations);
        var list = registrations.ToList();
        List<string> texts = [.. list.SelectMany(DuplicateKeyTexts.Of).Select(k => k.Key).Distinct(StringComparer.Ordinal)];
        List<string> names = [.. list.Select(r => r.ShortName?.Key).OfType<string>().Distinct(StringComparer.Ordinal)];
        var rows = texts.Count == 0 ? [] : await db.Set<DuplicateKeyRow>().AsNoTracking().Where(r => EF.Parameter(texts).Contains(r.Key))
            .Select(r => new PreloadedKeys.Row(r.Key, r.Kind, r.Record)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var owners = new Dictionary<string, RegistrationRef?>(StringComparer.Ordinal);
        if (names.Count > 0)
        {
            foreach (var lead in await db.Leads.AsNoTracking()
                         .Where(l => EF.Parameter(names).Contains(EF.Property<string>(l, CrmQueries.ShortNameKey)) && l.Status == LeadStatus.Open)
                         .Select(l => new { Key = EF.Property<string>(l, CrmQueries.ShortNameKey), l.Id }).ToListAsync(cancellationToken).ConfigureAwait(false))
                owners[lead.Key] = lead.Id;
            // A live account holds its short name before an open lead does.
            foreach (var account in await db.Accounts.AsNoTracking()
                         .Where(a => EF.Parameter(names).Contains(EF.Property<string>(a, CrmQueries.ShortNameKey)) && a.MergedInto == null)
                         .Select(a => new { Key = EF.Property<string>(a, CrmQueries.ShortNameKey), a.Id }).ToListAsync(cancellationToken).ConfigureAwait(false))
                owners[account.Key] = account.Id;
        }
        db.Preloaded = new PreloadedKeys([.. texts], rows.ToLookup(r => r.Key, StringComparer.Ordinal), [.. names], owners);
    }
}

/// <summary>What <see cref="RegistrationKeys.PreloadAsync"/> read: the key texts and short-name keys asked, and what holds them.</summary>
internal sealed class PreloadedKeys(HashSet<string> texts, ILookup<string, PreloadedKeys.Row> rows, HashSet<string> names,
    Dictionary<string, RegistrationRef?> owners)
{
    /// <summary>A stored duplicate key row.</summary>
    public sealed record Row(string Key, RecordKind Kind, Guid Record);

    /// <summary>The rows of <paramref name="keys"/>, when every one was read; else null (ask the database).</summary>
    public List<Row>? RowsOf(IEnumerable<string> keys)
    {
        var found = new List<Row>();
        foreach (var key in keys)
        {
            if (!texts.Contains(key))
                return null;
            found.AddRange(rows[key]);
        }
        return found;
    }

    /// <summary>Whether the short name of <paramref name="key"/> was read, and who holds it (null: nobody).</summary>
    public bool TryOwner(string key, out RegistrationRef? owner)
    {
        owner = owners.GetValueOrDefault(key);
        return names.Contains(key);
    }
}
