using Crm.Domain.Servers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Secret = Crm.Domain.Servers.Secret;

namespace Crm.Persistence.Secrets;

/// <summary>
/// <see cref="ISecretProtector"/> on ASP.NET Core Data Protection (authenticated encryption, rotating keys). The key
/// ring lives in a folder (by default next to the SQLite file, <c>crm.db.keys/</c>): back it up with the database, since
/// the stored SMTP/FTP passwords cannot be read without it. Its keys are encrypted at rest when the host gives a
/// <see cref="KeyRingProtection"/>. The purpose string isolates these payloads from any other use of the same key ring.
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

    /// <summary>
    /// A protector whose key ring is stored in <paramref name="keyRingFolder"/> (created when missing), its keys encrypted
    /// at rest by <paramref name="protection"/> when given. Without protection the keys are stored in clear, and a warning
    /// says so through <paramref name="loggerFactory"/>.
    /// </summary>
    /// <param name="keyRingFolder">The key ring's folder.</param>
    /// <param name="protection">How the keys are encrypted at rest; null leaves them in clear.</param>
    /// <param name="loggerFactory">Where the warning, and Data Protection's own logs, go; null logs nothing.</param>
    public static DataProtectionSecretProtector InFolder(string keyRingFolder, KeyRingProtection? protection = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyRingFolder);
        var services = new ServiceCollection();
        if (loggerFactory is not null)
            services.AddSingleton(loggerFactory).AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        var builder = services.AddDataProtection().SetApplicationName("Crm.Sdk").PersistKeysToFileSystem(new DirectoryInfo(keyRingFolder));
        if (protection is null)
            loggerFactory?.CreateLogger<DataProtectionSecretProtector>().LogWarning(
                "The key ring in {KeyRingFolder}, which encrypts the stored SMTP/FTP passwords, keeps its keys unprotected: anyone who reads the folder can read the passwords. Protect it with a certificate or a key encryptor (CrmPersistenceOptions.ProtectKeysWithCertificate / ProtectKeysWith)",
                keyRingFolder);
        else
            protection.Apply(builder);
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
