using OneOf;

namespace Crm.Connectors.Documents;

/// <summary>Why a transfer did not happen: a stable English code and a message for people (Portuguese, never a password).</summary>
/// <param name="Code">One of the constants of this type.</param>
/// <param name="Message">What went wrong.</param>
public sealed record TransferFailure(string Code, string Message)
{
    /// <summary>The server could not be reached or did not answer in time; a retry may succeed.</summary>
    public const string Unavailable = "file.unavailable";
    /// <summary>The server refused the user or the password.</summary>
    public const string AuthenticationFailed = "file.auth_failed";
    /// <summary>No such file in the configured folder.</summary>
    public const string NotFound = "file.not_found";
    /// <summary>The server refused the operation (permissions, disk full, ...).</summary>
    public const string Refused = "file.refused";
    /// <summary>The name is not a plain file name.</summary>
    public const string InvalidName = "file.name_invalid";
    /// <summary>The settings say the customer's server transfers the files, so the CRM does not connect.</summary>
    public const string CustomerTransfers = "file.customer_transfers";
    /// <summary>The test file read back differs from what was sent.</summary>
    public const string Mismatch = "file.mismatch";

    /// <summary>Whether a later retry may succeed.</summary>
    public bool IsRetryable => Code == Unavailable;
}

/// <summary>The result of a file-server operation: the value, or the <see cref="TransferFailure"/>.</summary>
/// <typeparam name="T">The value of a success.</typeparam>
public sealed class Transfer<T> : OneOfBase<T, TransferFailure>
{
    private Transfer(OneOf<T, TransferFailure> input) : base(input) { }

    /// <summary>A success.</summary>
    public static implicit operator Transfer<T>(T value) => new(value);

    /// <summary>A failure.</summary>
    public static implicit operator Transfer<T>(TransferFailure failure) => new(failure);

    /// <summary>True on success.</summary>
    public bool Succeeded => IsT0;
}

/// <summary>A document kept on the company's file server.</summary>
/// <param name="Path">Its absolute path on the server (the configured folder and the name).</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record StoredDocument(string Path, long Size);
