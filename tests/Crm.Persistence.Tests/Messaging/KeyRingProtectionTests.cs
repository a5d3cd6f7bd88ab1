using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Crm.Domain.Servers;
using Crm.Persistence.Secrets;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Persistence.Tests.Messaging;

public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "S3nh@-do-SMTP";
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("crm-keys-");

    public void Dispose() => _keys.Delete(recursive: true);

    [Fact]
    public void A_ring_protected_by_a_certificate_holds_no_clear_master_key_and_reads_back_after_a_restart()
    {
        using var certificate = Certificate();
        var logs = new CapturedLogs();
        var payload = DataProtectionSecretProtector.InFolder(_keys.FullName, KeyRingProtection.WithCertificate(certificate), logs)
            .Protect(new Secret(Password));

        AssertNoClearKey();
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.Contains("Crm", StringComparison.Ordinal));
        var afterRestart = DataProtectionSecretProtector.InFolder(_keys.FullName, KeyRingProtection.WithCertificate(certificate));
        Assert.Equal(Password, afterRestart.Unprotect(payload).Reveal());
    }

    [Fact]
    public void A_ring_protected_by_the_hosts_encryptor_holds_no_clear_master_key_and_reads_back()
    {
        var payload = DataProtectionSecretProtector.InFolder(_keys.FullName, KeyRingProtection.WithEncryptor(new ReversingEncryptor()))
            .Protect(new Secret(Password));

        AssertNoClearKey();
        Assert.Contains(Keys(), key => key.Descendants("reversed").Any());
        Assert.Equal(Password, DataProtectionSecretProtector.InFolder(_keys.FullName).Unprotect(payload).Reveal());
    }

    [Fact]
    public void An_unprotected_ring_holds_its_master_key_in_clear_and_a_warning_says_so()
    {
        var logs = new CapturedLogs();
        DataProtectionSecretProtector.InFolder(_keys.FullName, protection: null, logs).Protect(new Secret(Password));

        Assert.Contains(Keys(), key => key.Descendants("masterKey").Elements("value").Any());
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(DataProtectionSecretProtector).FullName);
        Assert.Contains(_keys.FullName, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registered_protector_warns_through_the_hosts_logger_factory_unless_the_options_protect_the_ring()
    {
        var logs = new CapturedLogs();
        ISecretProtector Registered(Action<CrmPersistenceOptions> protect) => new ServiceCollection()
            .AddSingleton<ILoggerFactory>(logs)
            .AddCrmPersistence(o => protect(o.UseSqlite(Path.Combine(_keys.FullName, "crm.db"))))
            .BuildServiceProvider().GetRequiredService<ISecretProtector>();

        using var certificate = Certificate();
        Registered(o => o.ProtectKeysWithCertificate(certificate)).Protect(new Secret(Password));
        Assert.DoesNotContain(logs.Entries, e => e.Category == typeof(DataProtectionSecretProtector).FullName);

        Registered(_ => { }).Protect(new Secret(Password));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(DataProtectionSecretProtector).FullName);
    }

    private void AssertNoClearKey()
    {
        var keys = Keys();
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
        });
    }

    private List<XDocument> Keys() => [.. Directory.GetFiles(_keys.FullName, "key-*.xml").Select(XDocument.Load)];

    private static X509Certificate2 Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=crm-key-ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Exported and loaded again so that the private key is usable by the platform's decryption, as a host's would be.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A stand-in for a host's key vault: not secure, only visibly not the clear key.</summary>
    private sealed class ReversingEncryptor : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(new XElement("reversed", new string([.. plaintextElement.ToString(SaveOptions.DisableFormatting).Reverse()])), typeof(ReversingDecryptor));
    }
}

/// <summary>Reads what <c>ReversingEncryptor</c> wrote; public with a parameterless constructor, as Data Protection requires.</summary>
public sealed class ReversingDecryptor : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => XElement.Parse(new string([.. encryptedElement.Value.Reverse()]));
}
