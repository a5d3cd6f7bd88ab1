using Crm.Adapters.Mega;
using Crm.Adapters.Mega.SeniorX;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using static Crm.Adapters.Tests.Transport.MegaHost;

namespace Crm.Adapters.Tests.Transport;

/// <summary>The Mega transport against the fake Senior X platform over HTTPS: loginWithKey, the URL pattern, refresh on 401, secrets kept out of logs.</summary>
public sealed class MegaTransportTests
{
    private static readonly MegaAdapter Adapter = new();

    [Fact]
    public async Task Logs_in_with_the_application_key_once_and_sends_agents_at_the_senior_x_route()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        using var host = For(server);
        var account = Samples.Register(Samples.Company());

        var created = await host.Transport.SendAsync(Adapter.Prepare(account));
        Assert.True(created.IsT0, created.Value.ToString());
        var updated = await host.Transport.SendAsync(Adapter.Prepare(account.Integrated(created.AsT0.ErpCode)));
        Assert.True(updated.IsT0, updated.Value.ToString());

        Assert.Equal(created.AsT0.ErpCode, updated.AsT0.ErpCode);
        Assert.Equal(
        [
            "/t/senior.com.br/bridge/1.0/anonymous/rest/platform/authentication/actions/loginWithKey",
            "/t/senior.com.br/bridge/1.0/rest/crm/integration_mega/actions/upsertAgent",
            "/t/senior.com.br/bridge/1.0/rest/crm/integration_mega/actions/upsertAgent",
        ], server.Requests.Select(r => r.Path));
        Assert.Equal(["Bearer", "Bearer"], server.Requests.Skip(1).Select(r => r.Headers["Authorization"]));
        Assert.Equal((1, 0), server.Granted);
        Assert.Single(server.Mega.Agents);
    }

    [Fact]
    public async Task A_stale_token_is_refreshed_on_401_and_the_message_goes_through()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        using var host = For(server);
        Assert.True((await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())))).IsT0);
        server.ExpireTokens();

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with { LegalName = "Outra Padaria Ltda" })));

        Assert.True(result.IsT0, result.Value.ToString());
        Assert.Equal((1, 1), server.Granted);
        Assert.Equal([200, 201, 401, 200, 201], server.Requests.Select(r => r.Status));
        Assert.Equal((1, 1), host.Get<SeniorXSession>().Counts);
    }

    [Fact]
    public async Task A_wrong_key_is_rejected_without_quoting_it_and_never_logged()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        using var host = For(server, secret: "segredo-errado-0000");

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        var problem = Assert.Single(result.AsT1.Problems);
        Assert.Equal("mega.authentication.refused", problem.Code);
        Assert.DoesNotContain("segredo-errado-0000", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, problem.Message, StringComparison.Ordinal);
        Assert.Empty(server.Mega.Agents);
        var logs = string.Join("\n", host.Logs.Lines);
        Assert.DoesNotContain("segredo-errado-0000", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_and_tokens_never_reach_the_logs()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        using var host = For(server);
        Assert.True((await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())))).IsT0);
        server.ExpireTokens();
        Assert.True((await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company() with { LegalName = "Outra Padaria Ltda" })))).IsT0);

        Assert.Contains("renewed them", string.Join("\n", host.Logs.Lines), StringComparison.Ordinal);
        AssertNoSecretLogged(host);
    }

    [Fact]
    public async Task A_platform_failure_at_login_is_transient()
    {
        await using var server = await FakeSeniorXServer.StartAsync(Tenant, Key, Secret);
        using var host = For(server);
        server.Inject(FakeFault.Status503, FakeFault.Status503, FakeFault.Status503);

        var result = await host.Transport.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())));

        Assert.True(result.IsT2, result.Value.ToString());
        Assert.Equal(0, server.Erp.Applied);
    }
}
