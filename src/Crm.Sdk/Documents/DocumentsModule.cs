using System.Security.Cryptography;
using Crm.Connectors.Documents;
using Crm.Domain.Access;
using Crm.Domain.Activities;
using Crm.Domain.Problems;
using Crm.Domain.Servers;
using Crm.Persistence.Activities;
using Crm.Sdk.Activities;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Documents;

/// <summary>
/// Documents (module <see cref="Module.Documents"/>, seed 001) attached to accounts, opportunities, occurrences and cards: a
/// file uploaded to the FTP/SFTP server of the subject's company/branch (the branch's settings, else the company's), with
/// its size and SHA-256 recorded, or an external http/https link. The subject must be visible; a document is visible with
/// it. Settings whose transfer method is the customer's server keep links only. A failed transfer is an
/// <see cref="Invalid"/> carrying the server's stable code (<c>file.unavailable</c>, <c>file.auth_failed</c>, ...); a file
/// uploaded for a record that is then not saved is deleted again.
/// </summary>
public sealed class DocumentsModule
{
    // The file is stored as "<id:N>-<name>": 33 characters more than its name, within the column and a server's 255.
    private const int MaxNameLength = DocumentRow.MaxNameLength - 33;

    private readonly CrmSession _session;

    internal DocumentsModule(CrmSession session) => _session = session;

    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/> and attaches it to <paramref name="subject"/> (Documents › Include).</summary>
    public Task<CrmResult<DocumentInfo>> AttachFileAsync(ActivitySubject subject, string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.NewGuid();
        return _session.RunAsync("documents.attach_file", Module.Documents, Permission.Include, async work =>
        {
            if (await Subjects.FindAsync(work, subject).ConfigureAwait(false) is not { } facts)
                return Subjects.Missing(subject);
            if (CheckName(name) is { } bad)
                return new Invalid(bad);
            if (facts.Company is not { } company)
                return new Invalid(new Problem("subject", DocumentCodes.NoCompany, "A conta do registro não tem empresa: não há servidor de arquivos para ela."));
            var settings = await ServerOfAsync(work, company, facts.Branch).ConfigureAwait(false);
            if (settings is null)
                return new Invalid(new Problem("subject", DocumentCodes.NoFileServer, "A empresa/filial não tem servidor FTP/SFTP configurado."));
            if (settings.TransferMethod == TransferMethod.CustomerServer)
                return new Invalid(new Problem("subject", DocumentCodes.CustomerTransfers,
                    "Nesta empresa/filial o servidor do cliente transfere os arquivos; anexe um link."));
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, work.Cancellation).ConfigureAwait(false);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            buffer.Position = 0;
            var stored = await work.Engine.Files.StoreAsync(settings, $"{id:N}-{name.Trim()}", buffer, work.Cancellation).ConfigureAwait(false);
            if (!stored.TryPickT0(out var file, out var failure))
                return Failed(work, id, failure);
            var row = Row(work, id, subject, facts, DocumentKind.File, name.Trim(), file.Path);
            (row.Size, row.Sha256, row.Company, row.Branch) = (buffer.Length, sha256, settings.Company, settings.Branch);
            work.Db.Documents.Add(row);
            var recorded = false;
            try
            {
                var saved = await SaveAsync(work, row).ConfigureAwait(false);
                recorded = saved.Succeeded;
                return saved;
            }
            finally
            {
                // A file no record points to would stay on the customer's server forever: take it back (even when cancelled).
                if (!recorded)
                    await RemoveFileAsync(work, settings, row).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Attaches an external http/https link named <paramref name="name"/> to <paramref name="subject"/> (Documents › Include).</summary>
    public Task<CrmResult<DocumentInfo>> AttachLinkAsync(ActivitySubject subject, string name, string link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var id = Guid.NewGuid();
        return _session.RunAsync("documents.attach_link", Module.Documents, Permission.Include, async work =>
        {
            if (await Subjects.FindAsync(work, subject).ConfigureAwait(false) is not { } facts)
                return Subjects.Missing(subject);
            var problems = new List<Problem>();
            if (CheckName(name) is { } bad)
                problems.Add(bad);
            var url = DocumentLink.Parse(link);
            if (url.TryPickT1(out var invalid, out _))
                problems.AddRange(invalid.Problems);
            if (problems.Count > 0)
                return new Invalid(problems);
            var row = Row(work, id, subject, facts, DocumentKind.Link, name.Trim(), url.AsT0.AbsoluteUri);
            work.Db.Documents.Add(row);
            return await SaveAsync(work, row).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The documents of a visible <paramref name="subject"/>, latest first (Documents › View).</summary>
    public Task<CrmResult<IReadOnlyList<DocumentInfo>>> ListAsync(ActivitySubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _session.RunAsync("documents.list", Module.Documents, Permission.View, async work =>
        {
            if (await Subjects.FindAsync(work, subject).ConfigureAwait(false) is null)
                return Subjects.Missing(subject);
            var (kind, id) = SubjectColumns.Of(subject);
            var rows = await work.Db.Documents.AsNoTracking().Where(d => d.SubjectKind == kind && d.SubjectId == id)
                .OrderByDescending(d => d.AddedAt).ThenBy(d => d.Id).ToListAsync(work.Cancellation).ConfigureAwait(false);
            return CrmResult<IReadOnlyList<DocumentInfo>>.Of([.. rows.Select(Info)]);
        }, cancellationToken);
    }

    /// <summary>
    /// Copies the file of document <paramref name="id"/> from its server into <paramref name="destination"/> (Documents › View),
    /// after checking it is the file stored (size and SHA-256); a link has nothing to download (its <see cref="DocumentInfo.Location"/> is the address).
    /// </summary>
    public Task<CrmResult<DocumentInfo>> DownloadAsync(Guid id, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return _session.RunAsync<DocumentInfo>("documents.download", Module.Documents, Permission.View, async work =>
        {
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return new NotFound("document", id);
            if (row.Kind == DocumentKind.Link)
                return Info(row);
            if (await FileServerOfAsync(work, row).ConfigureAwait(false) is not { } settings)
                return new Invalid(new Problem("document", DocumentCodes.NoFileServer, "O servidor de arquivos do documento não está mais configurado."));
            using var buffer = new MemoryStream();
            var fetched = await work.Engine.Files.FetchStoredAsync(settings, row.Location, buffer, work.Cancellation).ConfigureAwait(false);
            if (fetched.TryPickT1(out var failure, out _))
                return Failed(work, id, failure);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            if (buffer.Length != row.Size || sha256 != row.Sha256)
                return new Invalid(new Problem("document", DocumentCodes.ChecksumMismatch, "O arquivo no servidor não é o que foi anexado (tamanho ou SHA-256 diferente)."));
            buffer.Position = 0;
            await buffer.CopyToAsync(destination, work.Cancellation).ConfigureAwait(false);
            return Info(row);
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes document <paramref name="id"/> (Documents › Delete): its record first, then its file on the server, best effort
    /// (a file the server cannot delete now is logged, event 1422, and left there: the record no longer points to it).
    /// </summary>
    public Task<CrmResult<DocumentInfo>> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        _session.RunAsync<DocumentInfo>("documents.delete", Module.Documents, Permission.Delete, async work =>
        {
            if (await FindAsync(work, id).ConfigureAwait(false) is not { } row)
                return new NotFound("document", id);
            work.Db.Documents.Remove(row);
            var deleted = await work.SaveAsync(Info(row)).ConfigureAwait(false);
            if (!deleted.Succeeded)
                return deleted;
            DocumentsLog.Deleted(work.Engine.Logger, id, work.User.Value, work.Tenant.Value);
            if (row.Kind == DocumentKind.File && await FileServerOfAsync(work, row).ConfigureAwait(false) is { } settings)
                await RemoveFileAsync(work, settings, row).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);

    // Best effort: a file already gone is fine; any other failure is logged, never thrown, never cancelled half-way.
    private static async Task RemoveFileAsync(UnitOfWork work, FtpSettings settings, DocumentRow row)
    {
        var removed = await work.Engine.Files.DeleteStoredAsync(settings, row.Location, CancellationToken.None).ConfigureAwait(false);
        if (removed.TryPickT1(out var failure, out _) && failure.Code != TransferFailure.NotFound)
            DocumentsLog.TransferFailed(work.Engine.Logger, row.Id, failure.Code, work.User.Value, work.Tenant.Value);
    }

    private static DocumentRow Row(UnitOfWork work, Guid id, ActivitySubject subject, SubjectFacts facts, DocumentKind kind, string name, string location)
    {
        var (subjectKind, subjectId) = SubjectColumns.Of(subject);
        return new DocumentRow
        {
            Tenant = work.Tenant, Id = id, SubjectKind = subjectKind, SubjectId = subjectId, Account = facts.Account, Kind = kind, Name = name,
            Location = location, AddedBy = work.User, AddedAt = work.Clock.GetCurrentInstant(),
        };
    }

    private static async Task<CrmResult<DocumentInfo>> SaveAsync(UnitOfWork work, DocumentRow row)
    {
        var saved = await work.SaveAsync(Info(row)).ConfigureAwait(false);
        if (saved.Succeeded)
            DocumentsLog.Attached(work.Engine.Logger, row.Id, row.Kind.ToString(), row.Size, row.SubjectKind.ToString(), row.SubjectId, work.User.Value, work.Tenant.Value);
        return saved;
    }

    /// <summary>The document, tracked, when its subject is visible to the user.</summary>
    private static async Task<DocumentRow?> FindAsync(UnitOfWork work, Guid id) =>
        await work.Db.Documents.SingleOrDefaultAsync(d => d.Id == id, work.Cancellation).ConfigureAwait(false) is { } row
        && await Subjects.FindAsync(work, SubjectColumns.ToSubject(row.SubjectKind, row.SubjectId)).ConfigureAwait(false) is not null
            ? row
            : null;

    // The file server of a company/branch: the branch's own settings, else the company-wide ones.
    private static async Task<FtpSettings?> ServerOfAsync(UnitOfWork work, Crm.Domain.Identity.CompanyId company, Crm.Domain.Identity.BranchId? branch)
    {
        var servers = await work.Db.FtpSettings.AsNoTracking().Where(s => s.Company == company).ToListAsync(work.Cancellation).ConfigureAwait(false);
        return servers.Find(s => branch is not null && s.Branch == branch) ?? servers.Find(s => s.Branch == null);
    }

    private static Task<FtpSettings?> FileServerOfAsync(UnitOfWork work, DocumentRow row) =>
        row.Company is { } company ? ServerOfAsync(work, company, row.Branch) : Task.FromResult<FtpSettings?>(null);

    private static Invalid Failed(UnitOfWork work, Guid id, TransferFailure failure)
    {
        DocumentsLog.TransferFailed(work.Engine.Logger, id, failure.Code, work.User.Value, work.Tenant.Value);
        return new Invalid(new Problem("file", failure.Code, failure.Message));
    }

    private static Problem? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new Problem("name", DocumentCodes.NameRequired, "Informe o nome do documento.")
        : name.Trim().Length > MaxNameLength || name.Trim() is "." or ".." || name.Any(c => c is '/' or '\\' || char.IsControl(c))
            ? new Problem("name", DocumentCodes.NameInvalid, $"O nome tem até {MaxNameLength} caracteres, sem barras, \"..\" ou caracteres de controle.")
            : null;

    private static DocumentInfo Info(DocumentRow row) => new(row.Id, SubjectColumns.ToSubject(row.SubjectKind, row.SubjectId), row.Kind, row.Name,
        row.Location, row.Size, row.Sha256, row.AddedBy, row.AddedAt);
}
