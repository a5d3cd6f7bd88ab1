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
        return new Uri($"{platform.AbsoluteUri.TrimEnd('/')}/{PathOf(domain, service, kind, primitive, anonymous)}");
    }

    /// <summary>The path of a primitive relative to the platform's address (no leading slash).</summary>
    public static string PathOf(string domain, string service, PrimitiveKind kind, string primitive, bool anonymous = false) =>
        $"t/senior.com.br/bridge/1.0{(anonymous ? "/anonymous" : "")}/rest/{domain}/{service}/{kind.ToString().ToLowerInvariant()}/{primitive}";

    /// <summary>
    /// The path of a Mega list (<see cref="MegaList"/>) as a Senior X entity, relative to <see cref="MegaOptions.ApiUrl"/>:
    /// <c>t/senior.com.br/bridge/1.0/rest/crm/integration_mega/entities/{primitive}</c>, one record at <c>…/{id}</c>. The
    /// entity names are inferred (no public Mega contract names them, ERP.md §6).
    /// </summary>
    public static string EntityPath(MegaList list) => PathOf("crm", "integration_mega", PrimitiveKind.Entities, list switch
    {
        MegaList.Companies => "company",
        MegaList.Branches => "branch",
        MegaList.Agents => "agent",
        MegaList.Representatives => "representative",
        MegaList.PaymentConditions => "paymentCondition",
        MegaList.PriceTables => "priceTable",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    });

    /// <summary><c>…/anonymous/rest/platform/authentication/actions/loginWithKey</c>.</summary>
    public static Uri LoginWithKey(Uri platform) => Of(platform, "platform", "authentication", PrimitiveKind.Actions, "loginWithKey", anonymous: true);

    /// <summary><c>…/anonymous/rest/platform/authentication/actions/refreshToken</c>.</summary>
    public static Uri RefreshToken(Uri platform) => Of(platform, "platform", "authentication", PrimitiveKind.Actions, "refreshToken", anonymous: true);

    /// <summary>
    /// Where Mega takes an agent: <c>{ApiUrl}/t/senior.com.br/bridge/1.0/rest/crm/integration_mega/actions/upsertAgent</c>.
    /// The service and primitive names are inferred: no public Mega contract names them (ERP.md §6).
    /// </summary>
    public static Uri UpsertAgent(Uri api) => Of(api, "crm", "integration_mega", PrimitiveKind.Actions, "upsertAgent");
}

/// <summary>The body of <c>refreshToken</c>; <see cref="ToString"/> hides the token.</summary>
/// <param name="Token">The refresh token of the last login.</param>
public sealed record RefreshTokenRequest([property: JsonPropertyName("refreshToken")] string Token)
{
    /// <inheritdoc />
    public override string ToString() => "RefreshTokenRequest { Token = *** }";
}

/// <summary>The token document inside <see cref="LoginResponse.JsonToken"/>; <see cref="ToString"/> hides the tokens.</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="RefreshToken">The token that renews it.</param>
/// <param name="ExpiresIn">Seconds it lives.</param>
public sealed record SeniorXToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    /// <inheritdoc />
    public override string ToString() => $"SeniorXToken {{ AccessToken = ***, RefreshToken = ***, ExpiresIn = {ExpiresIn} }}";
}

/// <summary>
/// The error answer of the Senior X platform as the fake gives it (inferred: no public Mega contract documents one):
/// <c>message</c>, <c>reason</c>, and <c>details</c> with each problem's field, code and message.
/// </summary>
public sealed record SeniorXError
{
    /// <summary>A message for the user.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }
    /// <summary>A stable reason code.</summary>
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    /// <summary>The individual problems.</summary>
    [JsonPropertyName("details")] public IReadOnlyList<SeniorXErrorDetail>? Details { get; init; }
}

/// <summary>One problem of a <see cref="SeniorXError"/>.</summary>
/// <param name="Field">The payload field.</param>
/// <param name="Code">A stable code.</param>
/// <param name="Message">The message.</param>
public sealed record SeniorXErrorDetail(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

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
