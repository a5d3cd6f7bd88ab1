using Microsoft.Extensions.Options;

namespace Crm.Adapters.Mega;

/// <summary>
/// The tenant's <c>integration_mega</c> configuration (seed 001): the Mega API URL, <c>https://dominio:porta/</c>, and the
/// Senior X platform application key that logs the integration in (<c>loginWithKey</c>).
/// </summary>
public sealed class MegaOptions
{
    /// <summary>The Mega API, <c>https://dominio:porta/</c>.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The Senior X platform (<c>https://platform.senior.com.br/</c> in production).</summary>
    public Uri PlatformUrl { get; set; } = new("https://platform.senior.com.br/");

    /// <summary>The platform tenant (<c>tenantName</c> of <c>loginWithKey</c>).</summary>
    public string? TenantName { get; set; }

    /// <summary>The application key (<c>accessKey</c>): a secret, never shown.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The application secret (<c>secret</c>): a secret, never shown.</summary>
    public string? Secret { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"MegaOptions {{ ApiUrl = {ApiUrl}, PlatformUrl = {PlatformUrl}, TenantName = {TenantName}, " +
        $"AccessKey = {(AccessKey is null ? "(none)" : "***")}, Secret = {(Secret is null ? "(none)" : "***")} }}";
}

/// <summary>Validates <see cref="MegaOptions"/>, every failure at once; messages never quote the key or the secret.</summary>
public sealed class MegaOptionsValidator : IValidateOptions<MegaOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MegaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ApiUrl is not { } api)
            failures.Add("Mega: ApiUrl is required, in the form https://dominio:porta/.");
        else if (!api.IsAbsoluteUri || api.Scheme != "https" || api.IsDefaultPort || api.AbsolutePath != "/" || api.Query.Length > 0)
            failures.Add($"Mega: ApiUrl '{api}' must have the form https://dominio:porta/ (https, an explicit port, no path).");
        if (options.PlatformUrl is not { IsAbsoluteUri: true, Scheme: "https" })
            failures.Add($"Mega: PlatformUrl '{options.PlatformUrl}' must be an absolute https address.");
        if (string.IsNullOrWhiteSpace(options.TenantName))
            failures.Add("Mega: TenantName (the Senior X platform tenant) is required.");
        if (string.IsNullOrWhiteSpace(options.AccessKey))
            failures.Add("Mega: AccessKey (the platform application key) is required.");
        if (string.IsNullOrWhiteSpace(options.Secret))
            failures.Add("Mega: Secret (the platform application secret) is required.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
