using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Logging;

namespace Crm.Adapters.Http;

/// <summary>
/// A transport to a TOTVS REST API (Datasul, Protheus): Basic authentication when a user is configured, and errors in the
/// TOTVS envelope (<see cref="TotvsError"/>).
/// </summary>
public abstract class TotvsHttpTransport : ErpHttpTransport
{
    private readonly string? _username;
    private readonly string? _password;

    /// <summary>Creates the transport; <paramref name="username"/> and <paramref name="password"/> go together or not at all.</summary>
    protected TotvsHttpTransport(HttpClient http, ILogger logger, string? username, string? password) : base(http, logger)
    {
        _username = username;
        _password = password;
    }

    /// <summary>Basic authentication with the configured user, when there is one.</summary>
    protected override ValueTask<TransportResult?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(_username))
            request.Headers.Authorization = Basic(_username, _password ?? "");
        return ValueTask.FromResult<TransportResult?>(null);
    }

    /// <summary>The problems of the TOTVS error envelope.</summary>
    protected override IReadOnlyList<Problem> ReadProblems(string body) => TotvsError.ProblemsIn(body);
}
