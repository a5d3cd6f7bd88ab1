using System.Diagnostics;

namespace Crm.Domain.Servers;

/// <summary>
/// A password in clear text, in memory only, on its way to <see cref="ISecretProtector.Protect"/> or to a mail/file
/// server. It never prints its value: <see cref="ToString"/>, string interpolation, records that hold it and the
/// debugger all show <c>***</c>; only <see cref="Reveal"/> gives it, so every use of the clear text is explicit.
/// </summary>
[DebuggerDisplay("***")]
public sealed class Secret
{
    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/>, which may not be empty.</summary>
    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The clear text; for the protector and the server connection only.</summary>
    public string Reveal() => _value;

    /// <inheritdoc />
    public override string ToString() => "***";
}

/// <summary>
/// A password as stored: the output of <see cref="ISecretProtector.Protect"/> (encrypted). Also prints as <c>***</c>, so it
/// does not end up in logs either.
/// </summary>
[DebuggerDisplay("***")]
public sealed class ProtectedSecret
{
    /// <summary>Wraps a protected payload read from storage.</summary>
    public ProtectedSecret(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        Payload = payload;
    }

    /// <summary>The protected payload, for the persistence layer to store.</summary>
    public string Payload { get; }

    /// <inheritdoc />
    public override string ToString() => "***";
}

/// <summary>
/// The port that encrypts secrets at rest; the persistence layer implements it with ASP.NET Core Data Protection.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="secret"/>.</summary>
    ProtectedSecret Protect(Secret secret);

    /// <summary>Decrypts what <see cref="Protect"/> produced.</summary>
    Secret Unprotect(ProtectedSecret secret);
}
