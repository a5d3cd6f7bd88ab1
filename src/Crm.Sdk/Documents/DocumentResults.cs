using Crm.Domain.Activities;
using Crm.Domain.Identity;
using Crm.Persistence.Activities;
using NodaTime;

namespace Crm.Sdk.Documents;

/// <summary>A document attached to an account, opportunity, occurrence or card.</summary>
/// <param name="Id">The document.</param>
/// <param name="Subject">What it is attached to.</param>
/// <param name="Kind">A file on the company's server, or a link.</param>
/// <param name="Name">Its name.</param>
/// <param name="Location">The file's path on the server, or the link's URL.</param>
/// <param name="Size">The file's size in bytes; null for a link.</param>
/// <param name="Sha256">The file's SHA-256 (64 lower-case hex digits); null for a link.</param>
/// <param name="AddedBy">Who attached it.</param>
/// <param name="AddedAt">When.</param>
public sealed record DocumentInfo(Guid Id, ActivitySubject Subject, DocumentKind Kind, string Name, string Location, long? Size, string? Sha256,
    UserId AddedBy, Instant AddedAt);

/// <summary>Stable problem codes of documents (the link's own are <c>document.link.*</c>, the server's <c>file.*</c>).</summary>
public static class DocumentCodes
{
    /// <summary>The file or link has no name.</summary>
    public const string NameRequired = "document.name.required";

    /// <summary>The name is longer than 222 characters (the stored file name adds 33 to it), or has slashes, <c>..</c> or control characters.</summary>
    public const string NameInvalid = "document.name.invalid";

    /// <summary>The subject's company (or branch) has no FTP/SFTP server configured.</summary>
    public const string NoFileServer = "document.no_file_server";

    /// <summary>The company's settings leave transfers to the customer's server: the CRM keeps links only.</summary>
    public const string CustomerTransfers = "document.customer_transfers";

    /// <summary>The file read back from the server is not the one stored (its SHA-256 differs).</summary>
    public const string ChecksumMismatch = "document.checksum_mismatch";

    /// <summary>The subject has no account with a company, so no file server can be chosen.</summary>
    public const string NoCompany = "document.no_company";
}
