using Crm.Domain.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Secret = Crm.Domain.Messaging.Secret;

namespace Crm.Persistence.Secrets;

/// <summary>
/// <see cref="ISecretProtector"/> on ASP.NET Core Data Protection (authenticated encryption, rotating keys). The key
/// ring lives in a folder (by default next to the SQLite file, <c>crm.db.keys/</c>): back it up with the database, since
/// the stored SMTP/FTP passwords cannot be read without it. The purpose string isolates these payloads from any other
/// use of the same key ring.
/// </summary>
public sealed class DataProtectionSecretProtector : ISecretProtector
{
    private const string Purpose = "Crm.Sdk.ServerPasswords.v1";

    private readonly IDataProtector _protector;

    /// <summary>A protector over <paramref name="provider"/>.</summary>
    public DataProtectionSecretProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    /// <summary>A protector whose key ring is stored in <paramref name="keyRingFolder"/> (created when missing).</summary>
    public static DataProtectionSecretProtector InFolder(string keyRingFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyRingFolder);
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("Crm.Sdk").PersistKeysToFileSystem(new DirectoryInfo(keyRingFolder));
        return new(services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>());
    }

    /// <inheritdoc />
    public ProtectedSecret Protect(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new ProtectedSecret(_protector.Protect(secret.Reveal()));
    }

    /// <inheritdoc />
    public Secret Unprotect(ProtectedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new Secret(_protector.Unprotect(secret.Payload));
    }
}
