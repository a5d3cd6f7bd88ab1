using Crm.Persistence;
using Microsoft.Extensions.Configuration;

namespace Crm.Sdk.Configuration;

/// <summary>
/// The configuration section <c>AddCrm(section)</c> was given, kept in the service collection so that adapters registered
/// before or after it bind their options from <c>Adapters:&lt;erp id&gt;</c> of the same section.
/// </summary>
internal sealed class CrmConfiguration(IConfiguration section)
{
    public IConfiguration Section { get; } = section;

    /// <summary>
    /// Applies the section to <paramref name="options"/>: <c>Database:Sqlite</c> (a file path) or <c>Database:PostgreSql</c>
    /// (a connection string), <c>Database:SqliteDurability</c> (<c>Full</c> or <c>Normal</c>, see <see cref="SqliteDurability"/>),
    /// <c>Database:KeyRingFolder</c>, <c>PluginFolders</c> (a list), <c>Outbox</c> (<see cref="Outbox.OutboxOptions"/>), <c>Jobs</c> (<see cref="Jobs.JobsOptions"/>), <c>Matrices</c> (<see cref="Matrices.MatrixCacheOptions"/>), <c>Notifications:TimeZone</c>. A value that cannot be applied
    /// becomes a start-up failure of <see cref="CrmOptionsValidator"/>, never an exception here.
    /// </summary>
    public void Apply(CrmOptions options)
    {
        var database = Section.GetSection("Database");
        var sqlite = database["Sqlite"];
        var postgres = database["PostgreSql"];
        if (sqlite is not null && postgres is not null)
            options.ConfigurationFailures.Add("Crm: configuration sets both Database:Sqlite and Database:PostgreSql; keep one.");
        else if (sqlite is not null)
        {
            if (Durability(database["SqliteDurability"]) is { } durability)
                Use(options, sqlite, "Database:Sqlite", path => options.UseSqlite(path, durability));
            else
                options.ConfigurationFailures.Add("Crm: Database:SqliteDurability must be Full or Normal.");
        }
        else if (postgres is not null)
            Use(options, postgres, "Database:PostgreSql", connection => UsePostgres(options, connection));
        if (database["KeyRingFolder"] is { Length: > 0 } keys)
            options.Database.KeyRingFolder = keys;
        try
        {
            Section.GetSection("Outbox").Bind(options.Outbox);
        }
        catch (InvalidOperationException e)
        {
            options.ConfigurationFailures.Add($"Crm: the Outbox section cannot be applied: {e.Message}");
        }
        try
        {
            Section.GetSection("Jobs").Bind(options.Jobs);
        }
        catch (InvalidOperationException e)
        {
            options.ConfigurationFailures.Add($"Crm: the Jobs section cannot be applied: {e.Message}");
        }
        try
        {
            Section.GetSection("Matrices").Bind(options.Matrices);
        }
        catch (InvalidOperationException e)
        {
            options.ConfigurationFailures.Add($"Crm: the Matrices section cannot be applied: {e.Message}");
        }
        if (Section["Notifications:TimeZone"] is { Length: > 0 } zone)
            options.Notifications.TimeZone = zone;
        foreach (var folder in Section.GetSection("PluginFolders").GetChildren())
            if (folder.Value is { } path)
                options.LoadPluginsFrom(path);
    }

    private static SqliteDurability? Durability(string? value) =>
        value is null ? SqliteDurability.Full
            : Enum.TryParse<SqliteDurability>(value, ignoreCase: true, out var durability) && Enum.IsDefined(durability) ? durability
            : null;

    // Crm.Sdk does not reference Npgsql (a SQLite host does not pull it): the PostgreSQL package, when the host installed it,
    // is found by name.
    private static void UsePostgres(CrmOptions options, string connectionString)
    {
        var extensions = Type.GetType("Crm.Persistence.CrmPostgresExtensions, Crm.Persistence.PostgreSql", throwOnError: false);
        if (extensions?.GetMethod("UsePostgres") is not { } use)
            options.ConfigurationFailures.Add("Crm: configuration key Database:PostgreSql needs the package Crm.Persistence.PostgreSql.");
        else
            use.MakeGenericMethod(typeof(CrmOptions)).Invoke(null, [options, connectionString]);
    }

    private static void Use(CrmOptions options, string value, string key, Action<string> use)
    {
        if (string.IsNullOrWhiteSpace(value))
            options.ConfigurationFailures.Add($"Crm: configuration key {key} is empty.");
        else
            use(value);
    }
}
