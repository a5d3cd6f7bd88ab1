using System.Security.Cryptography.X509Certificates;
using Crm.Persistence.Secrets;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Persistence;

/// <summary>Where and how Crm.Sdk stores its data.</summary>
public sealed class CrmPersistenceOptions : ICrmDatabaseBuilder
{
    /// <summary>The database engine; set by <see cref="UseProvider"/> (a provider package's <c>UseSqlite</c> or <c>UsePostgres</c>).</summary>
    public CrmDatabaseProvider? Provider { get; private set; }

    /// <summary>Stores the data through <paramref name="provider"/>; for provider packages' extensions.</summary>
    /// <param name="provider">The database engine and where its database is.</param>
    public CrmPersistenceOptions UseProvider(CrmDatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
        return this;
    }

    /// <summary>
    /// Where the Data Protection key ring that encrypts SMTP/FTP passwords is kept. Defaults to the provider's place for it
    /// (<c>&lt;file&gt;.keys</c> next to a SQLite file); required for PostgreSQL (a folder shared by every instance of the host).
    /// </summary>
    public string? KeyRingFolder { get; set; }

    /// <summary>
    /// How the key ring's keys are encrypted at rest; null (the default) stores them in clear, and a warning is logged when
    /// the key ring is created.
    /// </summary>
    public KeyRingProtection? KeyRingProtection { get; private set; }

    /// <summary>Encrypts the key ring's keys with <paramref name="certificate"/> (see <see cref="Secrets.KeyRingProtection.WithCertificate"/>).</summary>
    /// <param name="certificate">A certificate with its private key.</param>
    public CrmPersistenceOptions ProtectKeysWithCertificate(X509Certificate2 certificate)
    {
        KeyRingProtection = Secrets.KeyRingProtection.WithCertificate(certificate);
        return this;
    }

    /// <summary>Encrypts the key ring's keys with the host's <paramref name="encryptor"/> (see <see cref="Secrets.KeyRingProtection.WithEncryptor"/>).</summary>
    /// <param name="encryptor">The encryptor.</param>
    public CrmPersistenceOptions ProtectKeysWith(IXmlEncryptor encryptor)
    {
        KeyRingProtection = Secrets.KeyRingProtection.WithEncryptor(encryptor);
        return this;
    }

    /// <summary>
    /// Adds EF Core interceptors to every context the database opens (commands, connections, transactions, saves). A
    /// context with interceptors writes every row through EF's own save, so they see each one: its saves leave out the
    /// bulk path (many added rows of one flat table written as multi-row INSERTs or a PostgreSQL COPY).
    /// </summary>
    /// <param name="interceptors">The interceptors, in the order EF calls them.</param>
    public CrmPersistenceOptions AddInterceptors(params IInterceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(interceptors);
        _interceptors.AddRange(interceptors);
        return this;
    }

    private readonly List<IInterceptor> _interceptors = [];

    /// <summary>The interceptors <see cref="AddInterceptors"/> added.</summary>
    internal IReadOnlyList<IInterceptor> Interceptors => _interceptors;

    CrmPersistenceOptions ICrmDatabaseBuilder.Database => this;

    /// <summary>The key ring folder in effect.</summary>
    internal string EffectiveKeyRingFolder => KeyRingFolder ?? Provider?.DefaultKeyRingFolder
        ?? throw new InvalidOperationException($"With {Provider?.Name}, set options.KeyRingFolder: the key ring that encrypts SMTP/FTP passwords.");

    /// <summary>The provider; throws when none was chosen: a configuration bug, caught at registration.</summary>
    internal CrmDatabaseProvider ValidProvider =>
        Provider ?? throw new InvalidOperationException("Choose a database: options.UseSqlite(path) (package Crm.Persistence.Sqlite) or options.UsePostgres(connectionString) (package Crm.Persistence.PostgreSql).");

    /// <summary>Also throws when the passwords' key ring has no home (PostgreSQL has no file to put it next to).</summary>
    internal void ValidateKeyRing() => _ = (ValidProvider, EffectiveKeyRingFolder);
}
