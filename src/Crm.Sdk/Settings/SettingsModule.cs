using Crm.Domain.Access;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Funnel.Opportunities;
using Crm.Domain.Service.Occurrences;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Settings;
using Crm.Sdk.Engine;

namespace Crm.Sdk.Settings;

/// <summary>Which settings were saved.</summary>
public enum SettingsKind
{
    /// <summary>The registration settings of leads and accounts.</summary>
    Accounts,

    /// <summary>The opportunity settings.</summary>
    Opportunities,

    /// <summary>Where the accounts are sent: the ERP or <i>Gestão de Planos</i>.</summary>
    Integration,

    /// <summary>The occurrence reasons and mandatory fields.</summary>
    Occurrences,
}

/// <summary>Settings were saved.</summary>
/// <param name="Kind">Which.</param>
public sealed record SettingsSaved(SettingsKind Kind);

/// <summary>
/// The tenant's settings (module <see cref="Module.Settings"/>: reading needs View, saving Edit — Admin and Diretor; a
/// Coordenador reads). Each save replaces the stored document in one transaction; two users saving the same settings at
/// once make the later one a <see cref="Crm.Persistence.Concurrency.Conflict"/>.
/// </summary>
public sealed class SettingsModule
{
    private readonly CrmSession _session;

    internal SettingsModule(CrmSession session) => _session = session;

    /// <summary>The registration settings (the defaults until saved).</summary>
    public Task<CrmResult<AccountSettings>> AccountsAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("settings.accounts.get", Module.Settings, Permission.View, async work =>
            CrmResult<AccountSettings>.Of(await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false)), cancellationToken);

    /// <summary>Replaces the registration settings whole.</summary>
    public Task<CrmResult<SettingsSaved>> SaveAccountsAsync(AccountSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ChangeAccountsAsync("settings.accounts.save", _ => settings, cancellationToken);
    }

    /// <summary>Replaces the client types, account types and which client type goes with which account type.</summary>
    public Task<CrmResult<SettingsSaved>> SaveClientTypesAsync(ClientTypeMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return ChangeAccountsAsync("settings.client_types.save", s =>
            new(s.LeadMandatory, s.AccountMandatory, s.ConsiderErpMandatoryFields, s.Erp, mapping, s.ClientGroups.Values), cancellationToken);
    }

    /// <summary>Replaces the client groups.</summary>
    public Task<CrmResult<SettingsSaved>> SaveClientGroupsAsync(IReadOnlyCollection<ClientGroup> groups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return ChangeAccountsAsync("settings.client_groups.save", s =>
            new(s.LeadMandatory, s.AccountMandatory, s.ConsiderErpMandatoryFields, s.Erp, s.ClientTypes, groups), cancellationToken);
    }

    /// <summary>Replaces the fields the tenant makes mandatory on leads or on accounts (<paramref name="kind"/>).</summary>
    public Task<CrmResult<SettingsSaved>> SaveMandatoryFieldsAsync(RegistrationKind kind, IReadOnlyCollection<RegistrationField> fields,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return ChangeAccountsAsync("settings.mandatory_fields.save", s => new(
            kind == RegistrationKind.Lead ? fields : s.LeadMandatory, kind == RegistrationKind.Account ? fields : s.AccountMandatory,
            s.ConsiderErpMandatoryFields, s.Erp, s.ClientTypes, s.ClientGroups.Values), cancellationToken);
    }

    /// <summary>The opportunity settings (the defaults until saved).</summary>
    public Task<CrmResult<OpportunitySettings>> OpportunitiesAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("settings.opportunities.get", Module.Settings, Permission.View, async work =>
            CrmResult<OpportunitySettings>.Of(await work.Db.Settings.OpportunitiesAsync(work.Cancellation).ConfigureAwait(false)), cancellationToken);

    /// <summary>Replaces the opportunity settings.</summary>
    public Task<CrmResult<SettingsSaved>> SaveOpportunitiesAsync(OpportunitySettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StageAsync("settings.opportunities.save", SettingsKind.Opportunities, work => work.Db.Settings.SetOpportunitiesAsync(settings, work.Cancellation),
            cancellationToken);
    }

    /// <summary>Where the tenant's accounts are sent (the ERP until saved).</summary>
    public Task<CrmResult<IntegrationSettings>> IntegrationAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("settings.integration.get", Module.Settings, Permission.View, async work =>
            CrmResult<IntegrationSettings>.Of(await work.Db.Settings.IntegrationAsync(work.Cancellation).ConfigureAwait(false)), cancellationToken);

    /// <summary>Replaces where the tenant's accounts are sent: the ERP, or <i>Gestão de Planos</i> (seed 000: <c>INTEGR_GP</c>).</summary>
    public Task<CrmResult<SettingsSaved>> SaveIntegrationAsync(IntegrationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StageAsync("settings.integration.save", SettingsKind.Integration, work => work.Db.Settings.SetIntegrationAsync(settings, work.Cancellation),
            cancellationToken);
    }

    /// <summary>The occurrence settings: reasons with their response targets, mandatory fields (the defaults until saved).</summary>
    public Task<CrmResult<OccurrenceSettings>> OccurrencesAsync(CancellationToken cancellationToken = default) =>
        _session.RunAsync("settings.occurrences.get", Module.Settings, Permission.View, async work =>
            CrmResult<OccurrenceSettings>.Of(await work.Db.Settings.OccurrencesAsync(work.Cancellation).ConfigureAwait(false)), cancellationToken);

    /// <summary>
    /// Replaces the occurrence settings: every problem of the reasons (field <c>reasons[i].…</c>) and fields listed. Occurrences
    /// already opened keep the target and complaint flag their reason had.
    /// </summary>
    public Task<CrmResult<SettingsSaved>> SaveOccurrencesAsync(IReadOnlyList<ServiceReason> reasons, IReadOnlyCollection<OccurrenceField> mandatoryFields,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(mandatoryFields);
        return _session.RunAsync("settings.occurrences.save", Module.Settings, Permission.Edit, async work =>
        {
            if (!OccurrenceSettings.Create(reasons, mandatoryFields).TryPickT0(out var settings, out var invalid))
                return invalid;
            await work.Db.Settings.SetOccurrencesAsync(settings, work.Cancellation).ConfigureAwait(false);
            return await SaveAsync(work, SettingsKind.Occurrences).ConfigureAwait(false);
        }, cancellationToken);
    }

    // Stages a settings document and saves it, in one unit of work.
    private Task<CrmResult<SettingsSaved>> StageAsync(string useCase, SettingsKind kind, Func<UnitOfWork, Task> stage, CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Settings, Permission.Edit, async work =>
        {
            await stage(work).ConfigureAwait(false);
            return await SaveAsync(work, kind).ConfigureAwait(false);
        }, cancellationToken);

    // Reads the stored registration settings, replaces them with the changed ones and saves, in one unit of work.
    private Task<CrmResult<SettingsSaved>> ChangeAccountsAsync(string useCase, Func<AccountSettings, AccountSettings> change,
        CancellationToken cancellationToken) =>
        _session.RunAsync(useCase, Module.Settings, Permission.Edit, async work =>
        {
            var current = await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false);
            await work.Db.Settings.SetAccountsAsync(change(current), work.Cancellation).ConfigureAwait(false);
            return await SaveAsync(work, SettingsKind.Accounts).ConfigureAwait(false);
        }, cancellationToken);

    // Two first saves racing both insert the tenant's settings row: the loser's change was based on the defaults the
    // winner just replaced, a conflict as when a stored row changed under it (not a duplicate the user typed).
    private static async Task<CrmResult<SettingsSaved>> SaveAsync(UnitOfWork work, SettingsKind kind)
    {
        var saved = await work.SaveAsync(new SettingsSaved(kind)).ConfigureAwait(false);
        return saved.Value is Duplicate ? new Conflict([$"settings {kind}"]) : saved;
    }
}
