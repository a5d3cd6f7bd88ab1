using Crm.Adapters.Datasul;
using Crm.Adapters.Testing.Servers;
using Microsoft.Extensions.Http.Resilience;

namespace Crm.Adapters.Tests.Transport;

/// <summary>A host whose Datasul adapter talks to a fake EMS server, with its Basic credentials when given.</summary>
internal static class DatasulHost
{
    public static TransportHost For(FakeDatasulServer server, string? user = null, string? password = null,
        Action<HttpStandardResilienceOptions>? resilience = null) =>
        new(DatasulAdapter.Id, server, s => s.AddDatasulAdapter(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.Username = user;
            o.Password = password;
        }), resilience);
}
