using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>
/// Validates <see cref="CrmOptions"/>, every failure at once: a database is chosen (PostgreSQL with a key ring folder), and
/// every plugin folder is an absolute path to an existing folder. Connection strings are never quoted (they may hold a password).
/// </summary>
public sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = PluginFailures(options);
        failures.AddRange(options.ConfigurationFailures);
        failures.AddRange(options.Outbox.Failures());
        failures.AddRange(options.Notifications.Failures());
        failures.AddRange(options.Matrices.Failures());
        failures.AddRange(options.Jobs.Failures());
        if (options.Database.Provider is not { } provider)
            failures.Add("Crm: choose a database: crm.UseSqlite(path) or crm.UsePostgres(connectionString) (configuration: Crm:Database:Sqlite or Crm:Database:PostgreSql).");
        else if (provider.DefaultKeyRingFolder is null && string.IsNullOrWhiteSpace(options.Database.KeyRingFolder))
            failures.Add($"Crm: with {provider.Name}, set Database.KeyRingFolder (configuration: Crm:Database:KeyRingFolder), the key ring that encrypts SMTP/FTP passwords.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The plugin folders' failures alone: checked at registration, since the folders are loaded there.</summary>
    internal static List<string> PluginFailures(CrmOptions options)
    {
        var failures = new List<string>();
        foreach (var folder in options.PluginFolders)
        {
            if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathFullyQualified(folder))
                failures.Add($"Crm: the plugin folder '{folder}' must be an absolute path.");
            else if (!Directory.Exists(folder))
                failures.Add($"Crm: the plugin folder '{folder}' does not exist.");
        }
        return failures;
    }
}
