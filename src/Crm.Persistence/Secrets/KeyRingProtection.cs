using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Persistence.Secrets;

/// <summary>
/// How the Data Protection keys are encrypted at rest in the key ring folder: with an X.509 certificate (its public key
/// encrypts, its private key, which the host keeps in a certificate store or file of its own, decrypts), or with the
/// host's <see cref="IXmlEncryptor"/> (a cloud key vault, DPAPI...).
/// </summary>
public sealed class KeyRingProtection
{
    private readonly Action<IDataProtectionBuilder> _apply;

    private KeyRingProtection(Action<IDataProtectionBuilder> apply) => _apply = apply;

    /// <summary>Keys encrypted with <paramref name="certificate"/>, which must have its private key to read them back.</summary>
    /// <param name="certificate">The certificate.</param>
    public static KeyRingProtection WithCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new(builder => builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate));
    }

    /// <summary>
    /// Keys encrypted by <paramref name="encryptor"/>; its <see cref="EncryptedXmlInfo.DecryptorType"/> must be constructible
    /// by Data Protection (a public constructor, parameterless or taking an <see cref="IServiceProvider"/>).
    /// </summary>
    /// <param name="encryptor">The host's encryptor.</param>
    public static KeyRingProtection WithEncryptor(IXmlEncryptor encryptor)
    {
        ArgumentNullException.ThrowIfNull(encryptor);
        return new(builder => builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = encryptor));
    }

    internal void Apply(IDataProtectionBuilder builder) => _apply(builder);
}
