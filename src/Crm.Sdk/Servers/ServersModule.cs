using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Servers;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Servers;

/// <summary>
/// The SMTP and FTP/SFTP settings of the tenant's companies and branches (seed 001, "Configurar Empresa/Filial", guias
/// Parâmetros SMTP and Parâmetros FTP), module <see cref="Module.Settings"/>, which covers companies, SMTP and FTP: reading
/// needs View (Admin, Diretor, Coordenador); saving and the connection tests need Edit (Admin, Diretor), since a test
/// connects with the stored password. A save lists every problem of the form and of its company/branch; a blank password
/// keeps the stored one; no read returns a password and no log line carries one. The tests really connect, through
/// Crm.Connectors: the test e-mail goes to the sender address; the test file is uploaded, read back, compared and deleted.
/// </summary>
public sealed class ServersModule
{
    private readonly CrmSession _session;

    internal ServersModule(CrmSession session) => _session = session;

    /// <summary>Stores new SMTP settings for the form's company/branch; at most one primary server per company/branch.</summary>
    public Task<CrmResult<ServerSaved<SmtpSettingsId>>> CreateSmtpAsync(SmtpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SaveAsync<SmtpSettings, SmtpSettingsId>("servers.smtp.create", form.Company, form.Branch, work =>
            Task.FromResult(Added(work.Db.SmtpSettings, SmtpSettings.Create(new SmtpSettingsId(Guid.NewGuid()), work.Tenant, form, work.Engine.Protector))),
            s => s.Id, CheckPrimaryAsync, cancellationToken);
    }

    /// <summary>Replaces SMTP settings <paramref name="id"/> read at <paramref name="version"/> with the form (a blank password keeps the stored one).</summary>
    public Task<CrmResult<ServerSaved<SmtpSettingsId>>> UpdateSmtpAsync(SmtpSettingsId id, long version, SmtpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SaveAsync<SmtpSettings, SmtpSettingsId>("servers.smtp.update", form.Company, form.Branch, async work =>
            Updated<SmtpSettings, SmtpSettingsId, SmtpForm>(work, await work.Db.SmtpSettings.SingleOrDefaultAsync(s => s.Id == id, work.Cancellation).ConfigureAwait(false),
                version, form, new NotFound("smtp_settings", id.Value)),
            s => s.Id, CheckPrimaryAsync, cancellationToken);
    }

    /// <summary>Stores new FTP/SFTP settings for the form's company/branch.</summary>
    public Task<CrmResult<ServerSaved<FtpSettingsId>>> CreateFtpAsync(FtpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SaveAsync<FtpSettings, FtpSettingsId>("servers.ftp.create", form.Company, form.Branch, work =>
            Task.FromResult(Added(work.Db.FtpSettings, FtpSettings.Create(new FtpSettingsId(Guid.NewGuid()), work.Tenant, form, work.Engine.Protector))),
            s => s.Id, null, cancellationToken);
    }

    /// <summary>Replaces FTP settings <paramref name="id"/> read at <paramref name="version"/> with the form (a blank password keeps the stored one).</summary>
    public Task<CrmResult<ServerSaved<FtpSettingsId>>> UpdateFtpAsync(FtpSettingsId id, long version, FtpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SaveAsync<FtpSettings, FtpSettingsId>("servers.ftp.update", form.Company, form.Branch, async work =>
            Updated<FtpSettings, FtpSettingsId, FtpForm>(work, await work.Db.FtpSettings.SingleOrDefaultAsync(s => s.Id == id, work.Cancellation).ConfigureAwait(false),
                version, form, new NotFound("ftp_settings", id.Value)),
            s => s.Id, null, cancellationToken);
    }

    /// <summary>Every SMTP server of the tenant, by company and branch, without passwords (Settings › View).</summary>
    public Task<CrmResult<IReadOnlyList<ServerRead<SmtpSettingsView>>>> SmtpServersAsync(CancellationToken cancellationToken = default) =>
        ListAsync<SmtpSettings, SmtpSettingsId, SmtpForm, SmtpSettingsView>("servers.smtp.list", work => work.Db.SmtpSettings, s => s.ToView(), cancellationToken);

    /// <summary>Every FTP/SFTP server of the tenant, by company and branch, without passwords (Settings › View).</summary>
    public Task<CrmResult<IReadOnlyList<ServerRead<FtpSettingsView>>>> FtpServersAsync(CancellationToken cancellationToken = default) =>
        ListAsync<FtpSettings, FtpSettingsId, FtpForm, FtpSettingsView>("servers.ftp.list", work => work.Db.FtpSettings, s => s.ToView(), cancellationToken);

    /// <summary>
    /// "Testar envio de e-mail" (Settings › Edit): really sends the test message through settings <paramref name="id"/> to their
    /// sender address. The use case succeeds when the test ran; <see cref="SmtpTested.Delivery"/> says what the server did.
    /// </summary>
    public Task<CrmResult<SmtpTested>> TestSmtpAsync(SmtpSettingsId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<SmtpTested>("servers.smtp.test", Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.SmtpSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, work.Cancellation).ConfigureAwait(false) is not { } settings)
                return new NotFound("smtp_settings", id.Value);
            var delivery = await work.Engine.Mailer.SendTestAsync(settings, work.Clock.GetCurrentInstant(), work.Cancellation).ConfigureAwait(false);
            var (outcome, code) = delivery.Match(_ => ("sent", 250), rejected => ("rejected", rejected.Code), _ => ("unavailable", 0));
            ServerLog.SmtpTested(work.Engine.Logger, id.Value, settings.Host, settings.Port, outcome, code, work.User.Value, work.Tenant.Value);
            return new SmtpTested(id, delivery);
        }, cancellationToken);

    /// <summary>
    /// "Testar envio de arquivo" (Settings › Edit): uploads a test file to the configured folder of settings
    /// <paramref name="id"/>, reads it back, compares and deletes it. The use case succeeds when the test ran;
    /// <see cref="FtpTested.Transfer"/> says how it went (a failure with its stable code).
    /// </summary>
    public Task<CrmResult<FtpTested>> TestFtpAsync(FtpSettingsId id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<FtpTested>("servers.ftp.test", Module.Settings, Permission.Edit, async work =>
        {
            if (await work.Db.FtpSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, work.Cancellation).ConfigureAwait(false) is not { } settings)
                return new NotFound("ftp_settings", id.Value);
            var transfer = await work.Engine.Files.SendTestFileAsync(settings, work.Clock.GetCurrentInstant(), work.Cancellation).ConfigureAwait(false);
            ServerLog.FileTested(work.Engine.Logger, id.Value, settings.Host, settings.Port, transfer.Match(_ => "checked", failure => failure.Code),
                work.User.Value, work.Tenant.Value);
            return new FtpTested(id, transfer);
        }, cancellationToken);

    // The stored settings with their versions, ordered by company, branch and host, as views without the password.
    private Task<CrmResult<IReadOnlyList<ServerRead<TView>>>> ListAsync<T, TId, TForm, TView>(string useCase,
        Func<UnitOfWork, IQueryable<T>> stored, Func<T, TView> view, CancellationToken cancellationToken)
        where T : CompanyServer<TId, TForm>
        where TId : struct
        where TForm : class =>
        _session.RunAsync(useCase, Module.Settings, Permission.View, async work =>
        {
            var rows = await stored(work).AsNoTracking().Select(s => new { Settings = s, Version = EF.Property<long>(s, "Version") })
                .ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<ServerRead<TView>>>.Of([.. rows
                .OrderBy(r => r.Settings.Company.Value).ThenBy(r => r.Settings.Branch?.Value).ThenBy(r => r.Settings.Host, StringComparer.Ordinal)
                .Select(r => new ServerRead<TView>(view(r.Settings), r.Version))]);
        }, cancellationToken);

    // Validates the company/branch and the form together (every problem listed), runs the settings' own check, then saves.
    private Task<CrmResult<ServerSaved<TId>>> SaveAsync<T, TId>(string useCase, CompanyId company, BranchId? branch,
        Func<UnitOfWork, Task<CrmResult<T>>> apply, Func<T, TId> idOf, Func<UnitOfWork, T, Task<Problem?>>? check,
        CancellationToken cancellationToken)
        where T : class
        where TId : struct =>
        _session.RunAsync(useCase, Module.Settings, Permission.Edit, async work =>
        {
            var problems = await UnitProblemsAsync(work, company, branch).ConfigureAwait(false);
            var applied = await apply(work).ConfigureAwait(false);
            if (applied.TryPickT1(out var invalid, out _))
                return new Invalid([.. problems, .. invalid.Problems]);
            if (!applied.TryPickT0(out var settings, out _))
                return applied.Failure<ServerSaved<TId>>();
            if (check is not null && await check(work, settings).ConfigureAwait(false) is { } problem)
                problems.Add(problem);
            if (problems.Count > 0)
                return new Invalid(problems);
            return await work.SaveAsync(settings, version => new ServerSaved<TId>(idOf(settings), version)).ConfigureAwait(false);
        }, cancellationToken);

    private static CrmResult<T> Added<T>(DbSet<T> set, Outcome<T> created) where T : class =>
        created.Match(settings =>
        {
            set.Add(settings);
            return CrmResult<T>.Of(settings);
        }, invalid => invalid);

    private static CrmResult<T> Updated<T, TId, TForm>(UnitOfWork work, T? stored, long version, TForm form, NotFound missing)
        where T : CompanyServer<TId, TForm>
        where TId : struct
        where TForm : class
    {
        if (stored is null)
            return missing;
        work.Expect(stored, version);
        return stored.Update(form, work.Engine.Protector).Match(_ => CrmResult<T>.Of(stored), invalid => invalid);
    }

    // The company must be the tenant's, and the branch one of its branches.
    private static async Task<List<Problem>> UnitProblemsAsync(UnitOfWork work, CompanyId company, BranchId? branch)
    {
        var stored = await work.Db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == company, work.Cancellation).ConfigureAwait(false);
        if (stored is null)
            return [new Problem("company", "company.not_found", $"A empresa {company.Value} não existe.")];
        return branch is { } b && !stored.Branches.Any(x => x.Id == b)
            ? [new Problem("branch", "branch.not_found", $"A filial {b.Value} não é da empresa {stored.Details.Name}.")]
            : [];
    }

    private static async Task<Problem?> CheckPrimaryAsync(UnitOfWork work, SmtpSettings candidate)
    {
        var others = await work.Db.SmtpSettings.AsNoTracking().Where(s => s.Company == candidate.Company && s.Id != candidate.Id)
            .ToListAsync(work.Cancellation).ConfigureAwait(false);
        return SmtpRouting.CheckPrimary(candidate, others).TryPickT1(out var invalid, out _) ? invalid.Problems[0] : null;
    }
}
