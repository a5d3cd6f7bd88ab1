using System.Net.Http.Headers;
using System.Text;
using Crm.Adapters.Http;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Servers;

/// <summary>
/// What the fake TOTVS REST servers share: Basic authentication when a user is configured (401 otherwise), errors in the
/// TOTVS envelope (<see cref="TotvsError"/>), 404 for a route the API does not have.
/// </summary>
public abstract class FakeTotvsServer : FakeErpServer
{
    private readonly string? _authorization;

    /// <summary>Creates the server; with <paramref name="username"/>, every request must carry its Basic credentials.</summary>
    protected FakeTotvsServer(FakeErpEndpoint erp, string? username, string? password) : base(erp) =>
        _authorization = username is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    /// <inheritdoc />
    protected sealed override FakeAnswer Answer(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_authorization is not null && !(AuthenticationHeaderValue.TryParse(request.Header("Authorization"), out var auth)
                                            && auth.Scheme == "Basic" && auth.Parameter == _authorization))
            return Refuse(401, [new Problem("", "401", "Usuário ou senha inválidos.")]);
        return Route(request) ?? Refuse(404, [new Problem("", "404", $"Recurso {request.Method} {request.Path} não encontrado.")]);
    }

    /// <summary>The answer of an authenticated request, or null when no route matches.</summary>
    protected abstract FakeAnswer? Route(FakeRequest request);

    /// <inheritdoc />
    protected override FakeAnswer Refuse(int status, IReadOnlyList<Problem> problems) =>
        new(status, PayloadJson.Serialize(TotvsError.Of(problems)));
}
