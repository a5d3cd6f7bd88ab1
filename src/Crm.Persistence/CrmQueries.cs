using Crm.Domain.Identity;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Crm.Persistence;

/// <summary>
/// The search columns of leads and accounts, for queries: <c>db.Accounts.Where(a => EF.Property&lt;UserId?&gt;(a, CrmQueries.Owner) == user)</c>.
/// They mirror fields of the registration data and are rewritten from it on every save.
/// </summary>
public static class CrmQueries
{
    /// <summary>Column of the owner (the user responsible for the record).</summary>
    public const string Owner = "OwnerId";

    /// <summary>Column of the company.</summary>
    public const string Company = "CompanyId";

    /// <summary>Column of the branch.</summary>
    public const string Branch = "BranchId";

    /// <summary>Column of the instant a lead or account was registered (its first history entry; a converted account: its lead's).</summary>
    public const string RegisteredAt = "RegisteredAt";

    /// <summary>Column of an opportunity's current stage.</summary>
    public const string CurrentStage = "CurrentStage";

    /// <summary>Column of the instant an opportunity entered its current stage.</summary>
    public const string StageEnteredAt = "StageEnteredAt";

    /// <summary>Column of the latest instant an opportunity entered a stage (the latest of its stage history).</summary>
    public const string LatestStageEntry = "LatestStageEntry";

    /// <summary>Column of an account's client type code (its registration's <c>ClientType</c>).</summary>
    public const string ClientType = "ClientType";

    /// <summary>Column telling whether a contact has at least one e-mail.</summary>
    public const string HasEmail = "HasEmail";

    /// <summary>Column telling whether a contact has at least one phone.</summary>
    public const string HasPhone = "HasPhone";

    /// <summary>
    /// Column of the day a contact opted in to <paramref name="channel"/> when its latest answer for the channel is an opt-in;
    /// null otherwise (no answer, or an opt-out).
    /// </summary>
    public static string OptIn(Crm.Domain.Accounts.Registration.MarketingChannel channel) => $"OptIn{channel}";

    /// <summary>Column of the legal name (razão social).</summary>
    public const string LegalName = "LegalName";

    /// <summary>Column of the short name (nome abreviado).</summary>
    public const string ShortName = "ShortName";

    /// <summary>Column of the short name's uniqueness key (<see cref="Crm.Domain.Accounts.Registration.ShortName.Key"/>: upper-cased).</summary>
    public const string ShortNameKey = "ShortNameKey";

    /// <summary>Column of a contact's account (null for a lead's contact).</summary>
    public const string OwnerAccount = "OwnerAccount";

    /// <summary>Column of a contact's lead (null for an account's contact).</summary>
    public const string OwnerLead = "OwnerLead";

    /// <summary>Column of the unmasked CPF or CNPJ.</summary>
    public const string TaxId = "TaxId";

    /// <summary>
    /// The owner column of a lead or account as a query expression, e.g. for a visibility filter:
    /// <c>db.Accounts.Where(CrmQueries.OwnedBy&lt;Account&gt;(owners))</c>.
    /// </summary>
    public static Expression<Func<T, UserId?>> OwnerColumn<T>() => e => EF.Property<UserId?>(e!, Owner);

    /// <summary>Records owned by one of <paramref name="owners"/>, as a filter translated to <c>OwnerId IN (...)</c>.</summary>
    public static Expression<Func<T, bool>> OwnedBy<T>(IReadOnlyCollection<UserId> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var nullable = owners.Select(o => (UserId?)o).ToList();
        return e => nullable.Contains(EF.Property<UserId?>(e!, Owner));
    }
}
