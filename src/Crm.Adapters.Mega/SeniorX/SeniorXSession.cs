using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Options;

namespace Crm.Adapters.Mega.SeniorX;

/// <summary>
/// The integration's login on the Senior X platform, shared by every send (a singleton): <c>loginWithKey</c> with the
/// application key of <see cref="MegaOptions"/>, the bearer token kept until a minute before it expires, and renewed with
/// <c>refreshToken</c> (or a new login when the refresh is refused) when the API answers 401. Tokens and keys never leave it
/// except in the <c>Authorization</c> header.
/// </summary>
public sealed class SeniorXSession(IOptions<MegaOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly MegaOptions _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SeniorXToken? _token;
    private DateTimeOffset _expires;

    /// <summary>Releases the gate that serializes logins (the container disposes the singleton).</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>How many times it logged in with the key, and how many times it refreshed the token.</summary>
    public (int Logins, int Refreshes) Counts { get; private set; }

    /// <summary>The current access token (logging in when there is none or it expired), or why there is none.</summary>
    public async ValueTask<(string? Token, TransportResult? Failure)> AccessTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || time.GetUtcNow() >= _expires)
                return await LoginAsync(http, cancellationToken).ConfigureAwait(false);
            return (_token.AccessToken, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Renews the token the API refused (<paramref name="refused"/>): with the refresh token, else by logging in again. A
    /// token already renewed by another send is kept.
    /// </summary>
    public async ValueTask<TransportResult?> RenewAsync(HttpClient http, string? refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _token.AccessToken != refused)
                return null;
            if (_token?.RefreshToken is { } refresh)
            {
                using var response = await http.PostAsJsonAsync(SeniorXRoute.RefreshToken(_options.PlatformUrl), new RefreshTokenRequest(refresh),
                    cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && await ReadTokenAsync(response, cancellationToken).ConfigureAwait(false))
                {
                    Counts = (Counts.Logins, Counts.Refreshes + 1);
                    return null;
                }
            }
            return (await LoginAsync(http, cancellationToken).ConfigureAwait(false)).Failure;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string? Token, TransportResult? Failure)> LoginAsync(HttpClient http, CancellationToken cancellationToken)
    {
        _token = null;
        using var response = await http.PostAsJsonAsync(SeniorXRoute.LoginWithKey(_options.PlatformUrl), LoginWithKeyRequest.From(_options),
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
            return (null, new Rejected([new Problem("", "mega.authentication.refused",
                $"A plataforma Senior X recusou a chave de aplicação do tenant {_options.TenantName} (HTTP {(int)response.StatusCode}).")]));
        if (!response.IsSuccessStatusCode || !await ReadTokenAsync(response, cancellationToken).ConfigureAwait(false))
            return (null, new Unavailable($"mega: the Senior X login answered HTTP {(int)response.StatusCode} without a token."));
        Counts = (Counts.Logins + 1, Counts.Refreshes);
        return (_token!.AccessToken, null);
    }

    private async Task<bool> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var login = await response.Content.ReadFromJsonAsync<LoginResponse>(cancellationToken).ConfigureAwait(false);
            var token = login?.JsonToken is { } json ? JsonSerializer.Deserialize<SeniorXToken>(json) : null;
            if (token is not { AccessToken.Length: > 0 })
                return false;
            _token = token;
            _expires = time.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - Margin;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
