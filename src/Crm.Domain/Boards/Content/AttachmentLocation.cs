namespace Crm.Domain.Boards.Content;

/// <summary>Where an attachment's bytes are: a file the platform stored, or an external link (seed 001: "arquivo ou link externo").</summary>
public abstract record AttachmentLocation
{
    private AttachmentLocation() { }

    /// <summary>A file kept by the platform's storage (the domain keeps only the reference).</summary>
    /// <param name="Reference">The storage key, e.g. a blob path.</param>
    public sealed record StoredFile(string Reference) : AttachmentLocation;

    /// <summary>A link to a document kept elsewhere.</summary>
    /// <param name="Url">An absolute http(s) URL.</param>
    public sealed record ExternalLink(Uri Url) : AttachmentLocation;
}
