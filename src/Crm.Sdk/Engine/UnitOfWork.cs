using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Persistence;
using Crm.Persistence.Concurrency;
using Crm.Persistence.Reads;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Sdk.Engine;

/// <summary>What a use case works with: its context (saved in one transaction), the user's access, the clock.</summary>
internal sealed class UnitOfWork(CrmDbContext db, CrmAccess access, CrmSession session, CancellationToken cancellationToken)
{
    // The concurrency column every aggregate carries (Crm.Persistence: set to 1 on insert, incremented on each save).
    private const string VersionColumn = "Version";

    public CrmDbContext Db { get; } = db;

    public CrmAccess Access { get; } = access;

    public UserId User => session.User;

    public TenantId Tenant => session.Tenant;

    public IClock Clock => session.Clock;

    public CrmEngine Engine => session.Engine;

    /// <summary>
    /// Stages the ERP message of <paramref name="account"/> (when the tenant integrates and the account is eligible), written
    /// by this unit of work's save together with the change, or not at all.
    /// </summary>
    public Task SendToErpAsync(Account account) => Outbox.OutboxWriter.StageAsync(this, account);

    /// <summary>
    /// Stages the notification e-mails of <paramref name="notice"/> (the responsible user and its manager, never the actor),
    /// written by this unit of work's save together with the movement, or not at all.
    /// </summary>
    public Task NotifyAsync(Notifications.MovementNotice notice) => Notifications.NotificationWriter.StageAsync(this, notice);

    public CancellationToken Cancellation { get; } = cancellationToken;

    /// <summary>The stored version of a tracked aggregate (after a save: the version just written).</summary>
    public long VersionOf(object aggregate) => (long)Db.Entry(aggregate).Property(VersionColumn).CurrentValue!;

    /// <summary>What <paramref name="find"/> found, read with its version; absent or not visible: <paramref name="missing"/>.</summary>
    public async Task<CrmResult<TRead>> ReadAsync<T, TRead>(Task<T?> find, Func<T, long, TRead> read, NotFound missing)
        where T : class =>
        await find.ConfigureAwait(false) is { } found ? CrmResult<TRead>.Of(read(found, VersionOf(found))) : missing;

    /// <summary>
    /// The lead or account <paramref name="find"/> read untracked with its version, when the user sees it; else
    /// <paramref name="missing"/>. The visibility is checked on the loaded row (<see cref="CrmAccess.Sees"/>), so the query
    /// is the same for every user and is compiled once (<see cref="StoredById"/>).
    /// </summary>
    public async Task<CrmResult<TRead>> ReadVisibleAsync<T, TRead>(Func<CrmDbContext, CancellationToken, Task<Stored<T>?>> find,
        Func<T, long, TRead> read, NotFound missing)
        where T : RegisteredParty
    {
        var found = await find(Db, Cancellation).ConfigureAwait(false);
        return found is not null && Access.Sees(found.Entity.Data.Owner, found.Entity.Data.Company, found.Entity.Data.Branch)
            ? CrmResult<TRead>.Of(read(found.Entity, found.Version))
            : missing;
    }

    /// <summary>
    /// Declares the version the user's change is based on: when the stored one differs, the save writes nothing and the
    /// use case returns a <see cref="Conflict"/>.
    /// </summary>
    public void Expect(object aggregate, long version) => Db.Entry(aggregate).Property(VersionColumn).OriginalValue = version;

    /// <summary>
    /// Null when a record of <paramref name="owner"/> in <paramref name="company"/>/<paramref name="branch"/> stays inside
    /// the user's scope; otherwise the denial of placing it there.
    /// </summary>
    public Denied? CheckPlacement(Module module, Permission action, UserId? owner, CompanyId? company, BranchId? branch) =>
        Access.Sees(owner, company, branch) ? null : CrmAccess.OutOfScope(module, action);

    /// <summary>
    /// What <paramref name="user"/> may do and see (another user than the session's: an attendant, an appointment's owner),
    /// read from the tenant's users and roles as the session reads its own.
    /// </summary>
    public async Task<CrmAccess> AccessOfAsync(UserId user)
    {
        if (user == User)
            return Access;
        var users = await Db.Users.AsNoTracking().ToListAsync(Cancellation).ConfigureAwait(false);
        var roles = await Db.Roles.AsNoTracking().ToListAsync(Cancellation).ConfigureAwait(false);
        var tenant = await Db.Tenants.AsNoTracking().SingleOrDefaultAsync(Cancellation).ConfigureAwait(false);
        return CrmAccess.Of(users.Find(u => u.Id == user), tenant, users, roles);
    }

    /// <summary>True when <paramref name="user"/> is an active user of the tenant (an attendant, an appointment's owner).</summary>
    public Task<bool> IsActiveUserAsync(UserId user) =>
        Db.Users.AsNoTracking().AnyAsync(u => u.Id == user && u.Status == Crm.Domain.Access.UserStatus.Active, Cancellation);

    /// <summary>Saves every change as one transaction; the success is made from <paramref name="aggregate"/>'s new version.</summary>
    public async Task<CrmResult<T>> SaveAsync<T>(object aggregate, Func<long, T> success)
    {
        var saved = await SaveAsync(aggregate).ConfigureAwait(false);
        return saved.TryPickT0(out _, out _) ? CrmResult<T>.Of(success(VersionOf(aggregate))) : saved.Failure<T>();
    }

    /// <summary>Saves every change as one transaction; <paramref name="success"/> is the result when it was written.</summary>
    public async Task<CrmResult<T>> SaveAsync<T>(T success)
    {
        var saved = await Db.SaveAsync(Cancellation).ConfigureAwait(false);
        return saved.Match<CrmResult<T>>(
            _ => CrmResult<T>.Of(success),
            conflict => conflict,
            invalid => invalid.Problems.Any(p => p.Code == CrmDbContext.DuplicateCode) ? new Duplicate([], invalid.Problems) : invalid);
    }
}
