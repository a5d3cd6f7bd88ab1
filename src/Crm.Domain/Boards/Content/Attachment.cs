using Crm.Domain.Problems;
using Crm.Domain.Texts;
using OneOf;

namespace Crm.Domain.Boards.Content;

/// <summary>The metadata of a file attached to a card or base card; the bytes live in storage or behind a link.</summary>
public sealed record Attachment
{
    /// <summary>Problem code: the file name is empty.</summary>
    public const string NameRequired = "attachment.name.required";

    /// <summary>Problem code: the size is negative.</summary>
    public const string SizeNegative = "attachment.size.negative";

    /// <summary>Problem code: the content type is not <c>type/subtype</c>.</summary>
    public const string ContentTypeFormat = "attachment.content_type.format";

    /// <summary>Problem code: the stored-file reference is empty or the link is not an absolute http(s) URL.</summary>
    public const string LocationInvalid = "attachment.location.invalid";

    private Attachment(AttachmentId id, string name, long size, string contentType, AttachmentLocation location)
    {
        Id = id;
        Name = name;
        Size = size;
        ContentType = contentType;
        Location = location;
    }

    /// <summary>The attachment's id.</summary>
    public AttachmentId Id { get; }

    /// <summary>The file name shown to users.</summary>
    public string Name { get; }

    /// <summary>The size in bytes (0 when unknown, e.g. for links).</summary>
    public long Size { get; }

    /// <summary>The MIME type, e.g. <c>application/pdf</c>.</summary>
    public string ContentType { get; }

    /// <summary>Where the bytes are.</summary>
    public AttachmentLocation Location { get; }

    /// <summary>The same metadata under a new id (a base card's attachment copied to a new card).</summary>
    internal Attachment Copy() => new(AttachmentId.New(), Name, Size, ContentType, Location);

    /// <summary>Validates attachment metadata, reporting every problem.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="size">The size in bytes.</param>
    /// <param name="contentType">The MIME type.</param>
    /// <param name="location">A stored file or an external link.</param>
    public static Outcome<Attachment> Create(string? name, long size, string? contentType, AttachmentLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var problems = new ProblemCollector();
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", NameRequired, "Informe o nome do anexo."));
        problems.CheckCharacters(name?.Trim(), "name");
        if (size < 0)
            problems.Add(new("size", SizeNegative, "O tamanho do anexo não pode ser negativo."));
        var type = contentType?.Trim().ToLowerInvariant();
        if (type is null || type.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            problems.Add(new("content_type", ContentTypeFormat, $"Tipo de conteúdo '{contentType}' inválido (ex.: application/pdf)."));
        problems.CheckCharacters(type, "content_type");
        if (location is AttachmentLocation.StoredFile stored)
            problems.CheckCharacters(stored.Reference, "location");
        var locationValid = location switch
        {
            AttachmentLocation.StoredFile file => !string.IsNullOrWhiteSpace(file.Reference),
            AttachmentLocation.ExternalLink link => link.Url.IsAbsoluteUri && (link.Url.Scheme == Uri.UriSchemeHttps || link.Url.Scheme == Uri.UriSchemeHttp),
            _ => false,
        };
        if (!locationValid)
            problems.Add(new("location", LocationInvalid, "Informe o arquivo armazenado ou um link http(s) absoluto."));
        return problems.HasProblems
            ? problems.ToInvalid()
            : new Attachment(AttachmentId.New(), name!.Trim(), size, type!, location);
    }
}
