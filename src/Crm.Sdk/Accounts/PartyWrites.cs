using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Problems;
using Crm.Sdk.Engine;

namespace Crm.Sdk.Accounts;

/// <summary>Registering and updating leads and accounts: the same steps, the kind and module aside.</summary>
internal static class PartyWrites
{
    /// <summary>
    /// Checks the form's placement (no owner: the user), validates it against the database, creates the record with
    /// <paramref name="create"/> and saves it.
    /// </summary>
    public static async Task<CrmResult<TSaved>> RegisterAsync<TSaved>(UnitOfWork work, Module module, RegistrationKind kind,
        RegistrationRef id, RegistrationForm form, Func<ValidRegistration, RegisteredParty> create,
        Func<long, IReadOnlyList<Problem>, TSaved> saved)
    {
        var owned = form with { Owner = form.Owner ?? work.User };
        if (work.CheckPlacement(module, Permission.Include, owned.Owner, owned.Company, owned.Branch) is { } denied)
            return denied;
        var checkedForm = await Registrations.ValidateAsync(work, owned, kind, id).ConfigureAwait(false);
        if (!checkedForm.TryPickT0(out var valid, out _))
            return checkedForm.Failure<TSaved>();
        var party = create(valid);
        work.Db.Add((object)party); // by its runtime type: Account or Lead
        if (party is Account account)
            await work.SendToErpAsync(account).ConfigureAwait(false);
        return await work.SaveAsync(party, version => saved(version, valid.Warnings)).ConfigureAwait(false);
    }

    /// <summary>Replaces the registration of <paramref name="party"/> (found and visible), based on <paramref name="version"/>.</summary>
    public static async Task<CrmResult<TSaved>> UpdateAsync<TSaved>(UnitOfWork work, Module module, RegistrationKind kind,
        RegistrationRef id, RegisteredParty party, long version, RegistrationForm form, Func<long, IReadOnlyList<Problem>, TSaved> saved)
    {
        if (work.CheckPlacement(module, Permission.Edit, form.Owner, form.Company, form.Branch) is { } denied)
            return denied;
        var checkedForm = await Registrations.ValidateAsync(work, form, kind, id).ConfigureAwait(false);
        if (!checkedForm.TryPickT0(out var valid, out _))
            return checkedForm.Failure<TSaved>();
        if (party.Update(valid, work.User, work.Clock).TryPickT1(out var frozen, out var changes))
            return frozen;
        work.Expect(party, version);
        // A save that changes nothing tells the ERP nothing (as the import's unchanged rows do).
        if (changes.Count > 0 && party is Account account)
            await work.SendToErpAsync(account).ConfigureAwait(false);
        return await work.SaveAsync(party, written => saved(written, valid.Warnings)).ConfigureAwait(false);
    }
}
