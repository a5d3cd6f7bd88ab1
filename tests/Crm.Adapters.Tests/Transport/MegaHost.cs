using Crm.Adapters.Mega;
using Crm.Adapters.Testing.Servers;

namespace Crm.Adapters.Tests.Transport;

/// <summary>The Mega tenant's application key, and a host whose Mega adapter talks to a fake Senior X server with it.</summary>
internal static class MegaHost
{
    public const string Tenant = "padariasj";
    public const string Key = "chave-de-aplicacao-9f2c";
    public const string Secret = "segredo-do-tenant-77aa";

    /// <summary>A host whose <c>ApiUrl</c> and <c>PlatformUrl</c> are <paramref name="server"/>'s, logging in with <paramref name="secret"/>.</summary>
    public static TransportHost For(FakeSeniorXServer server, string secret = Secret) =>
        new(MegaAdapter.Id, server, s => s.AddMegaAdapter(o =>
        {
            o.ApiUrl = server.BaseUrl;
            o.PlatformUrl = server.BaseUrl;
            o.TenantName = Tenant;
            o.AccessKey = Key;
            o.Secret = secret;
        }));

    /// <summary>Neither the application key, nor its secret, nor any token the fake issued is in the host's logs.</summary>
    public static void AssertNoSecretLogged(TransportHost host)
    {
        var logs = string.Join("\n", host.Logs.Lines);
        foreach (var secret in new[] { Key, Secret, "access-", "refresh-" })
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
    }
}
