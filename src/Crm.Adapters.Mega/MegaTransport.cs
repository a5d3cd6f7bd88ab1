using System.Net.Http.Headers;
using System.Text.Json;
using Crm.Adapters.Http;
using Crm.Adapters.Mega.SeniorX;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Logging;

namespace Crm.Adapters.Mega;

/// <summary>
/// Sends agents to Mega through the Senior X URL pattern on <see cref="MegaOptions.ApiUrl"/>
/// (<see cref="SeniorXRoute.UpsertAgent"/>) with the bearer token of <see cref="SeniorXSession"/> (<c>loginWithKey</c> with
/// the application key on <see cref="MegaOptions.PlatformUrl"/>); a 401 refreshes the token once. The answer's <c>idErp</c>
/// is the ERP code; errors are <see cref="SeniorXError"/>. Registered by <see cref="MegaServiceCollectionExtensions.AddMegaAdapter"/>.
/// </summary>
public sealed class MegaTransport(HttpClient http, SeniorXSession session, ILogger<MegaTransport> logger) : ErpHttpTransport(http, logger)
{
    private readonly SeniorXSession _session = session ?? throw new ArgumentNullException(nameof(session));

    /// <inheritdoc />
    public override ErpId Erp => MegaAdapter.Id;

    /// <inheritdoc />
    protected override bool CanRenewCredentials => true;

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(ErpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new HttpRequestMessage(HttpMethod.Post, SeniorXRoute.UpsertAgent(Http.BaseAddress!)) { Content = Json(message.Body) };
    }

    /// <summary>The session's bearer token, logging in first when needed.</summary>
    protected override async ValueTask<TransportResult?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (token, failure) = await _session.AccessTokenAsync(Http, cancellationToken).ConfigureAwait(false);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return failure;
    }

    /// <summary>Refreshes the refused token.</summary>
    protected override ValueTask<TransportResult?> RenewCredentialsAsync(AuthenticationHeaderValue? refused, CancellationToken cancellationToken) =>
        _session.RenewAsync(Http, refused?.Parameter, cancellationToken);

    /// <inheritdoc />
    protected override string? ReadErpCode(string body) => PayloadJson.Deserialize<MegaAgent>(body).IdErp;

    /// <inheritdoc />
    protected override IReadOnlyList<Problem> ReadProblems(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<SeniorXError>(body);
            if (error?.Details is { Count: > 0 } details)
                return [.. details.Select(d => new Problem(d.Field ?? "", d.Code, d.Message))];
            return error?.Message is { } text ? [new Problem("", error.Reason ?? "mega.error", text)] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
