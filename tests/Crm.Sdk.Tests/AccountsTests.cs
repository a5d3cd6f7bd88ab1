using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Persistence.Concurrency;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>Accounts through a session: saved with history, refused as values, authorized, visible only in scope.</summary>
public sealed class AccountsTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Registering_saves_the_account_with_its_history_owned_by_the_user(string provider)
    {
        await using var host = await Create(provider);

        var saved = Ok(await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(1)));

        var read = Ok(await host.As(host.Usuario).Accounts.GetAsync(saved.Id));
        Assert.Equal(1, saved.Version);
        Assert.Equal(host.Usuario, read.Account.Data.Owner);
        Assert.Equal("Comercial Exemplo 1 Ltda", read.Account.Data.LegalName);
        Assert.All(read.Account.History.Entries, e => Assert.Equal(host.Usuario, e.By));
        Assert.NotEmpty(read.Account.History.Entries);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_invalid_form_lists_every_problem_and_writes_nothing(string provider)
    {
        await using var host = await Create(provider);

        var result = await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(2) with { LegalName = null, TaxId = "11.111.111/1111-11" });

        var invalid = Assert.IsType<Crm.Domain.Problems.Invalid>(result.Value);
        Assert.Contains(invalid.Problems, p => p.Field == "legal_name");
        Assert.Contains(invalid.Problems, p => p.Field == "tax_id");
        Assert.Equal(0, await Count(host));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_same_cnpj_twice_is_a_duplicate_naming_the_stored_account_only_to_who_sees_it(string provider)
    {
        await using var host = await Create(provider);
        var first = Ok(await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(3)));
        var twin = await host.StoreDirectly(Forms.Company(3) with { ShortName = "TWIN3" });   // the Diretor's, as an import might have

        var hidden = await host.As(host.Outro).Accounts.RegisterAsync(Forms.Company(3) with { ShortName = "OUTRO3" });
        var named = await host.As(host.Diretor).Accounts.RegisterAsync(Forms.Company(3) with { ShortName = "DIRETOR3" });

        var outOfScope = Assert.IsType<Duplicate>(hidden.Value);
        Assert.Empty(outOfScope.Existing);   // the Usuário's account is not the other Usuário's to know
        Assert.Contains(outOfScope.Problems, p => p.Code == "account.tax_id.duplicate");
        var duplicate = Assert.IsType<Duplicate>(named.Value);
        Assert.Equal(new HashSet<RegistrationRef> { first.Id, twin }, duplicate.Existing.ToHashSet());
        Assert.Single(duplicate.Problems, p => p.Code == "account.tax_id.duplicate");   // two accounts match: one problem
        Assert.Equal(2, await Count(host));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_short_name_taken_in_another_case_is_a_duplicate(string provider)
    {
        await using var host = await Create(provider);
        var first = Ok(await host.As(host.Diretor).Accounts.RegisterAsync(Forms.Company(4)));

        var second = await host.As(host.Diretor).Accounts.RegisterAsync(Forms.Company(5) with { ShortName = "exemp4" });

        var duplicate = Assert.IsType<Duplicate>(second.Value);
        Assert.Equal([(RegistrationRef)first.Id], duplicate.Existing);
        Assert.Contains(duplicate.Problems, p => p.Code == "account.short_name.duplicate");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Users_without_the_permission_or_inactive_are_denied_naming_module_and_action(string provider)
    {
        await using var host = await Create(provider);

        var noRole = await host.As(host.SemPapel).Accounts.RegisterAsync(Forms.Company(6));
        var inactive = await host.As(host.Inativo).Accounts.RegisterAsync(Forms.Company(6));
        var stranger = await host.Engine.Session(host.Tenant, new UserId(Guid.NewGuid())).Accounts.RegisterAsync(Forms.Company(6));

        Assert.Equal(new Denied(Module.Accounts, Permission.Access | Permission.Include, Denied.PermissionCode, ""),
            Assert.IsType<Denied>(noRole.Value) with { Message = "" });
        Assert.Equal("Seu papel não permite acessar e incluir em Accounts.", Assert.IsType<Denied>(noRole.Value).Message);
        Assert.Equal(Denied.InactiveCode, Assert.IsType<Denied>(inactive.Value).Code);
        Assert.Equal(Denied.UnknownUserCode, Assert.IsType<Denied>(stranger.Value).Code);
        Assert.Equal(0, await Count(host));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_usuario_cannot_register_an_account_for_another_owner(string provider)
    {
        await using var host = await Create(provider);

        var result = await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(7, owner: host.Outro));

        Assert.Equal(Denied.ScopeCode, Assert.IsType<Denied>(result.Value).Code);
        Assert.Equal(0, await Count(host));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Records_outside_the_scope_are_not_found_for_reading_and_changing(string provider)
    {
        await using var host = await Create(provider);
        var usuarios = Ok(await host.As(host.Usuario).Accounts.RegisterAsync(Forms.Company(8)));

        Assert.IsType<NotFound>((await host.As(host.Outro).Accounts.GetAsync(usuarios.Id)).Value);
        Assert.IsType<NotFound>((await host.As(host.Outro).Accounts.UpdateAsync(usuarios.Id, 1, Forms.Company(8, host.Outro))).Value);
        Ok(await host.As(host.Coordenador).Accounts.GetAsync(usuarios.Id));   // the Usuário reports to the Coordenador
        Ok(await host.As(host.Diretor).Accounts.GetAsync(usuarios.Id));
        Assert.Empty(Ok(await host.As(host.Outro).Accounts.ListAsync(0, 50)));
        Assert.Single(Ok(await host.As(host.Coordenador).Accounts.ListAsync(0, 50)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_update_from_a_stale_version_is_a_conflict_and_writes_nothing(string provider)
    {
        await using var host = await Create(provider);
        var session = host.As(host.Usuario);
        var saved = Ok(await session.Accounts.RegisterAsync(Forms.Company(9)));
        var renamed = Ok(await session.Accounts.UpdateAsync(saved.Id, saved.Version, Forms.Company(9, host.Usuario) with { TradeName = "Novo nome" }));

        var stale = await session.Accounts.UpdateAsync(saved.Id, saved.Version, Forms.Company(9, host.Usuario) with { TradeName = "Outro nome" });

        Assert.Equal(saved.Version + 1, renamed.Version);
        Assert.IsType<Conflict>(stale.Value);
        Assert.Equal("Novo nome", Ok(await session.Accounts.GetAsync(saved.Id)).Account.Data.TradeName);
        // The session's context holds nothing of the refused save: the same session writes from the current version.
        var again = Ok(await session.Accounts.UpdateAsync(saved.Id, renamed.Version, Forms.Company(9, host.Usuario) with { TradeName = "Outro nome" }));
        Assert.Equal(renamed.Version + 1, again.Version);
        Assert.Equal("Outro nome", Ok(await host.As(host.Diretor).Accounts.GetAsync(saved.Id)).Account.Data.TradeName);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Merging_moves_the_contacts_and_marks_the_absorbed_account_in_one_transaction(string provider)
    {
        await using var host = await Create(provider);
        var diretor = host.As(host.Diretor);
        var keep = Ok(await diretor.Accounts.RegisterAsync(Forms.Company(10)));
        var gone = await host.StoreDirectly(Forms.Company(10) with { ShortName = "COPIA10" }); // a duplicate from before the engine (an import)
        Ok(await diretor.Contacts.AddAsync(gone, new ContactForm("Maria Lima")));

        var merged = Ok(await diretor.Accounts.MergeAsync(keep.Id, gone));
        var refused = await host.As(host.Usuario).Accounts.MergeAsync(keep.Id, gone);

        Assert.Equal(1, merged.ContactsMoved);
        Assert.Single(Ok(await diretor.Contacts.OfAsync(keep.Id)));
        Assert.Equal(keep.Id, Ok(await diretor.Accounts.GetAsync(gone)).Account.MergedInto);
        Assert.Equal(Permission.Access | Permission.Edit | Permission.Delete, Assert.IsType<Denied>(refused.Value).Action);
    }

    private static async Task<int> Count(TestHost host)
    {
        await using var db = host.Open();
        return await db.Accounts.CountAsync();
    }
}
