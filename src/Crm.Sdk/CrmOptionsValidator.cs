using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Validates <see cref="CrmOptions"/>: every plugin folder is an absolute path to an existing folder.</summary>
public sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var folder in options.PluginFolders)
        {
            if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathFullyQualified(folder))
                failures.Add($"Crm: the plugin folder '{folder}' must be an absolute path.");
            else if (!Directory.Exists(folder))
                failures.Add($"Crm: the plugin folder '{folder}' does not exist.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
