using Crm.Domain.Identity;
using Crm.Sdk.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Tests;

/// <summary>One tenant shared by the runs of <see cref="AuthorizationProperties"/>: users of every standard role, accounts added as the runs go.</summary>
public sealed class SharedTenant : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public List<(AccountId Id, UserId Owner)> Accounts { get; } = [];

    private int _seed;

    public int NextSeed() => Interlocked.Increment(ref _seed);

    public async Task InitializeAsync() => Host = await TestHost.Create(TestProviders.Sqlite);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Random sequences of use cases by random users: a user never reads or changes what its role and hierarchy forbid, is
/// never refused what they allow, and a refused use case writes nothing.
/// </summary>
public sealed class AuthorizationProperties(SharedTenant shared) : IClassFixture<SharedTenant>
{
    private enum Op { Register, Get, Update, List }

    [Property(MaxTest = 12)]
    public Property Every_outcome_is_what_the_role_and_the_hierarchy_allow() =>
        Prop.ForAll(Steps().ToArbitrary(), steps =>
        {
            foreach (var (op, actor, target) in steps)
                if (!Run(op, actor, target).GetAwaiter().GetResult())
                    return false;
            return true;
        });

    private static Gen<(Op, int, int)[]> Steps() =>
        (from op in Gen.Choose(0, 3) from actor in Gen.Choose(0, 5) from target in Gen.Choose(0, 1000) select ((Op)op, actor, target))
            .ArrayOf().Select(a => a.Take(8).ToArray());

    private async Task<bool> Run(Op op, int actorIndex, int target)
    {
        var host = shared.Host;
        UserId[] users = [host.Diretor, host.Coordenador, host.Usuario, host.Outro, host.SemPapel, host.Inativo];
        var actor = users[actorIndex];
        var session = host.As(actor);
        var before = await CountAsync();
        switch (op)
        {
            case Op.Register:
            {
                var owner = users[target % 4];
                var result = await session.Accounts.RegisterAsync(Forms.Company(100_000 + shared.NextSeed(), owner));
                var allowed = CanWork(actor) && Sees(actor, owner);
                if (result.TryPickT0(out var saved, out _))
                    shared.Accounts.Add((saved.Id, owner));
                return allowed ? result.Succeeded : result.Value is Denied && await CountAsync() == before;
            }
            case Op.Get when shared.Accounts.Count > 0:
            {
                var (id, owner) = shared.Accounts[target % shared.Accounts.Count];
                var result = await session.Accounts.GetAsync(id);
                return Expected(actor, owner, result.Value, result.Succeeded);
            }
            case Op.Update when shared.Accounts.Count > 0:
            {
                var (id, owner) = shared.Accounts[target % shared.Accounts.Count];
                var version = await VersionAsync(id);
                var form = (await FormAsync(id)) with { TradeName = $"Nome {target}" };
                var result = await session.Accounts.UpdateAsync(id, version, form);
                var written = await VersionAsync(id) != version;
                return Expected(actor, owner, result.Value, result.Succeeded) && written == result.Succeeded;
            }
            case Op.List:
            {
                var result = await session.Accounts.ListAsync(0, Paging.MaxPageSize); // the scenario stores fewer accounts than a page
                if (!CanWork(actor))
                    return result.Value is Denied;
                var visible = shared.Accounts.Where(a => Sees(actor, a.Owner)).Select(a => a.Id.Value).ToHashSet();
                var rows = result.AsT0.Select(r => r.Id.Value).ToHashSet();
                return rows.SetEquals(visible);
            }
            default:
                return true;
        }
    }

    // A refusal for a user without the permission is Denied; a record outside its scope is NotFound; otherwise success.
    private bool Expected(UserId actor, UserId owner, object value, bool succeeded) =>
        !CanWork(actor) ? value is Denied : Sees(actor, owner) ? succeeded : value is NotFound;

    // Diretor, Coordenador and Usuário include, edit and view accounts; the user without roles and the inactive one nothing.
    private bool CanWork(UserId user) => user != shared.Host.SemPapel && user != shared.Host.Inativo;

    // Diretor sees everyone's; the Coordenador its own and its Usuário's; each Usuário its own.
    private bool Sees(UserId user, UserId owner)
    {
        var host = shared.Host;
        return user == host.Diretor || user == owner || (user == host.Coordenador && owner == host.Usuario);
    }

    private async Task<int> CountAsync()
    {
        await using var db = shared.Host.Open();
        return await db.Accounts.CountAsync();
    }

    private async Task<long> VersionAsync(AccountId id)
    {
        await using var db = shared.Host.Open();
        return await db.Accounts.Where(a => a.Id == id).Select(a => EF.Property<long>(a, "Version")).SingleAsync();
    }

    private async Task<Crm.Domain.Accounts.Registration.RegistrationForm> FormAsync(AccountId id)
    {
        await using var db = shared.Host.Open();
        return (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id)).Data.ToForm();
    }
}
