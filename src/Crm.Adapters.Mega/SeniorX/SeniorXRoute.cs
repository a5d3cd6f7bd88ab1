using System.Text.Json.Serialization;

namespace Crm.Adapters.Mega.SeniorX;

/// <summary>The kinds of Senior X primitive a route names.</summary>
public enum PrimitiveKind
{
    /// <summary>Commands (<c>actions</c>).</summary>
    Actions,
    /// <summary>Reads (<c>queries</c>).</summary>
    Queries,
    /// <summary>Fire-and-forget (<c>signals</c>).</summary>
    Signals,
    /// <summary>CRUD entities (<c>entities</c>).</summary>
    Entities,
}

/// <summary>
/// Senior X platform routes (GitHub <c>dev-senior-com-br/seniorx-http-camel-api</c>, <c>SeniorXHTTPRouteBuilder.java</c>):
/// <c>{base}/t/senior.com.br/bridge/1.0[/anonymous]/rest/{domain}/{service}/{actions|queries|signals|entities}/{primitive}</c>.
/// </summary>
public static class SeniorXRoute
{
    /// <summary>The URL of a primitive.</summary>
    public static Uri Of(Uri platform, string domain, string service, PrimitiveKind kind, string primitive, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var root = platform.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/t/senior.com.br/bridge/1.0{(anonymous ? "/anonymous" : "")}/rest/{domain}/{service}/{kind.ToString().ToLowerInvariant()}/{primitive}");
    }

    /// <summary><c>…/anonymous/rest/platform/authentication/actions/loginWithKey</c>.</summary>
    public static Uri LoginWithKey(Uri platform) => Of(platform, "platform", "authentication", PrimitiveKind.Actions, "loginWithKey", anonymous: true);
}

/// <summary>The body of <c>loginWithKey</c>; <see cref="ToString"/> hides the key and the secret.</summary>
/// <param name="AccessKey">Application key.</param>
/// <param name="Secret">Application secret.</param>
/// <param name="TenantName">Tenant.</param>
public sealed record LoginWithKeyRequest(
    [property: JsonPropertyName("accessKey")] string AccessKey,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("tenantName")] string TenantName)
{
    /// <summary>From validated options.</summary>
    public static LoginWithKeyRequest From(MegaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.AccessKey!, options.Secret!, options.TenantName!);
    }

    /// <inheritdoc />
    public override string ToString() => $"LoginWithKeyRequest {{ TenantName = {TenantName}, AccessKey = ***, Secret = *** }}";
}

/// <summary>The answer of <c>loginWithKey</c>: <c>jsonToken</c> is itself JSON with <c>access_token</c>, <c>refresh_token</c>, <c>expires_in</c>.</summary>
/// <param name="JsonToken">The token document.</param>
public sealed record LoginResponse([property: JsonPropertyName("jsonToken")] string JsonToken)
{
    /// <inheritdoc />
    public override string ToString() => "LoginResponse { JsonToken = *** }";
}
