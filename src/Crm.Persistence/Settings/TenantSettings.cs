using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Service.Occurrences;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence.Settings;

/// <summary>
/// The session tenant's settings inside its unit of work (<see cref="CrmDbContext.Settings"/>): read them (the defaults
/// when the tenant stored none; reading never writes), and stage new ones, which the next
/// <see cref="CrmDbContext.SaveAsync"/> writes together with the other changes. Settings read in this unit of work and
/// changed by someone else before the save make it a <see cref="Concurrency.Conflict"/>.
/// </summary>
public sealed class TenantSettings
{
    private readonly CrmDbContext _db;

    internal TenantSettings(CrmDbContext db) => _db = db;

    /// <summary>The registration settings: the stored ones, or <see cref="AccountSettings.Default"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<AccountSettings> AccountsAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(SettingsKind.Accounts, SettingsDocuments.ReadAccounts, AccountSettings.Default, cancellationToken).ConfigureAwait(false);

    /// <summary>The opportunity settings: the stored ones, or <see cref="OpportunitySettings.Default"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<OpportunitySettings> OpportunitiesAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(SettingsKind.Opportunities, SettingsDocuments.ReadOpportunities, OpportunitySettings.Default, cancellationToken).ConfigureAwait(false);

    /// <summary>Where the tenant's accounts are sent: the stored settings, or <see cref="IntegrationSettings.Default"/> (the ERP).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IntegrationSettings> IntegrationAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(SettingsKind.Integration, SettingsDocuments.ReadIntegration, IntegrationSettings.Default, cancellationToken).ConfigureAwait(false);

    /// <summary>The occurrence settings: the stored ones, or <see cref="OccurrenceSettings.Default"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<OccurrenceSettings> OccurrencesAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(SettingsKind.Occurrences, SettingsDocuments.ReadOccurrences, OccurrenceSettings.Default, cancellationToken).ConfigureAwait(false);

    /// <summary>Has the next save store <paramref name="settings"/> as the tenant's occurrence settings.</summary>
    /// <param name="settings">The new settings.</param>
    /// <param name="cancellationToken">Cancels the read of the stored row.</param>
    public Task SetOccurrencesAsync(OccurrenceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StageAsync(SettingsKind.Occurrences, SettingsDocuments.Write(settings), cancellationToken);
    }

    /// <summary>Has the next save store <paramref name="settings"/> as the tenant's integration settings.</summary>
    /// <param name="settings">The new settings.</param>
    /// <param name="cancellationToken">Cancels the read of the stored row.</param>
    public Task SetIntegrationAsync(IntegrationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StageAsync(SettingsKind.Integration, SettingsDocuments.Write(settings), cancellationToken);
    }

    /// <summary>Has the next save store <paramref name="settings"/> as the tenant's registration settings.</summary>
    /// <param name="settings">The new settings.</param>
    /// <param name="cancellationToken">Cancels the read of the stored row.</param>
    public Task SetAccountsAsync(AccountSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StageAsync(SettingsKind.Accounts, SettingsDocuments.Write(settings), cancellationToken);
    }

    /// <summary>Has the next save store <paramref name="settings"/> as the tenant's opportunity settings.</summary>
    /// <param name="settings">The new settings.</param>
    /// <param name="cancellationToken">Cancels the read of the stored row.</param>
    public Task SetOpportunitiesAsync(OpportunitySettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StageAsync(SettingsKind.Opportunities, SettingsDocuments.Write(settings), cancellationToken);
    }

    // A use case reads the same settings once per row of a batch (an import): a stored row's document is parsed again only
    // when it changed (a new string) or the row is no longer tracked (a retry cleared the unit of work).
    private readonly Dictionary<SettingsKind, (StoredSettings Row, string Document, object Value)> _parsed = [];

    private async Task<T> ReadAsync<T>(SettingsKind kind, Func<string, T> parse, T none, CancellationToken cancellationToken)
        where T : class
    {
        if (await RowAsync(kind, cancellationToken).ConfigureAwait(false) is not { } row)
            return none;
        if (_parsed.TryGetValue(kind, out var parsed) && ReferenceEquals(parsed.Row, row) && ReferenceEquals(parsed.Document, row.Document))
            return (T)parsed.Value;
        var value = parse(row.Document);
        _parsed[kind] = (row, row.Document, value);
        return value;
    }

    // The row read earlier in this unit of work keeps the version it was read at, so a save over a newer one conflicts.
    private async Task StageAsync(SettingsKind kind, string document, CancellationToken cancellationToken)
    {
        if (await RowAsync(kind, cancellationToken).ConfigureAwait(false) is { } row)
            row.Document = document;
        else
            _db.Set<StoredSettings>().Add(new StoredSettings { Tenant = _db.Tenant, Kind = kind, Document = document });
    }

    private ValueTask<StoredSettings?> RowAsync(SettingsKind kind, CancellationToken cancellationToken) =>
        _db.Set<StoredSettings>().FindAsync([_db.Tenant, kind], cancellationToken);
}
