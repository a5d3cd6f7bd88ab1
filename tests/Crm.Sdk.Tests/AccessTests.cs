using Crm.Domain.Access;
using Crm.Sdk.Tests.Infrastructure;

namespace Crm.Sdk.Tests;

/// <summary>The session's access is loaded once; checking a permission allocates nothing.</summary>
public sealed class AccessTests
{
    [Theory, SqliteData]
    public async Task A_permission_check_allocates_nothing_and_matches_the_roles(string provider)
    {
        await using var host = await TestHost.Create(provider);
        var usuario = await host.As(host.Usuario).AccessAsync();
        var diretor = await host.As(host.Diretor).AccessAsync();
        var inactive = await host.As(host.Inativo).AccessAsync();

        var allowed = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
            if (usuario.Allows(Module.Accounts, Permission.Include) && usuario.Check(Module.Boards, Permission.Edit) is null)
                allowed++;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(100_000, allowed);
        Assert.False(usuario.Allows(Module.Accounts, Permission.Delete));
        Assert.False(usuario.Allows(Module.Settings, Permission.View));
        Assert.True(diretor.Allows(Module.Settings, Permission.All));
        Assert.False(inactive.Allows(Module.Accounts, Permission.View));
        Assert.Equal(DataReach.Own, usuario.Reach);
    }

    [Theory, SqliteData]
    public async Task The_access_is_read_once_per_session(string provider)
    {
        await using var host = await TestHost.Create(provider);
        var session = host.As(host.Usuario);
        var first = await session.AccessAsync();
        var roles = await host.RolesAsync();
        TestHost.Ok(await host.Engine.Tenants.AssignRolesAsync(host.Tenant, host.Support, host.Usuario, [roles[StandardRoles.Diretor.Name]]));

        Assert.Same(first, await session.AccessAsync());
        Assert.False((await session.AccessAsync()).Allows(Module.Accounts, Permission.Delete));
        Assert.True((await host.As(host.Usuario).AccessAsync()).Allows(Module.Accounts, Permission.Delete));
    }
}
