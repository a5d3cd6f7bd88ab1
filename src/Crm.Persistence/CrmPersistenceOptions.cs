namespace Crm.Persistence;

/// <summary>Which database engine stores the data.</summary>
public enum CrmProvider
{
    /// <summary>An embedded SQLite file: zero setup, one process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: the scale-out target.</summary>
    PostgreSql,
}

/// <summary>Where and how Crm.Sdk stores its data.</summary>
public sealed class CrmPersistenceOptions
{
    /// <summary>The engine; set by <see cref="UseSqlite"/> or <see cref="UsePostgres"/>.</summary>
    public CrmProvider Provider { get; private set; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Stores the data in the SQLite file at <paramref name="path"/> (created when missing).</summary>
    public CrmPersistenceOptions UseSqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        (Provider, ConnectionString) = (CrmProvider.Sqlite, $"Data Source={Path.GetFullPath(path)};Pooling=True");
        DatabaseFile = Path.GetFullPath(path);
        return this;
    }

    /// <summary>Stores the data in the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public CrmPersistenceOptions UsePostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        (Provider, ConnectionString, DatabaseFile) = (CrmProvider.PostgreSql, connectionString, null);
        return this;
    }

    /// <summary>The SQLite file, when the provider is SQLite.</summary>
    public string? DatabaseFile { get; private set; }

    /// <summary>
    /// Where the Data Protection key ring that encrypts SMTP/FTP passwords is kept. Defaults to <c>&lt;file&gt;.keys</c>
    /// next to the SQLite file; required for PostgreSQL (a folder shared by every instance of the host).
    /// </summary>
    public string? KeyRingFolder { get; set; }

    /// <summary>The key ring folder in effect.</summary>
    internal string EffectiveKeyRingFolder => KeyRingFolder ?? DatabaseFile + ".keys";

    /// <summary>Throws when no provider was chosen: a configuration bug, caught at registration.</summary>
    internal void Validate()
    {
        if (ConnectionString.Length == 0)
            throw new InvalidOperationException("Choose a database: options.UseSqlite(path) or options.UsePostgres(connectionString).");
    }

    /// <summary>Also throws when the passwords' key ring has no home (PostgreSQL has no file to put it next to).</summary>
    internal void ValidateKeyRing()
    {
        Validate();
        if (Provider == CrmProvider.PostgreSql && string.IsNullOrWhiteSpace(KeyRingFolder))
            throw new InvalidOperationException("With PostgreSQL, set options.KeyRingFolder: the key ring that encrypts SMTP/FTP passwords.");
    }
}
