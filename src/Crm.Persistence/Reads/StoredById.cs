using System.Runtime.CompilerServices;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Persistence.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Persistence.Reads;

/// <summary>An aggregate as stored, untracked, with the version it was read at.</summary>
/// <param name="Entity">The aggregate.</param>
/// <param name="Version">Its stored version (the optimistic concurrency token).</param>
/// <typeparam name="T">The aggregate's type.</typeparam>
public sealed record Stored<T>(T Entity, long Version);

/// <summary>
/// Reads one lead or account by id, untracked, with its version, inside the context's tenant. The queries are compiled
/// once per model (EF's compiled queries serve one model: each provider has its own): a read by id is the engine's
/// shortest use case, and translating its LINQ on every call (building the expression, hashing it for the query cache)
/// cost as much as the read itself.
/// </summary>
public static class StoredById
{
    private static readonly ConditionalWeakTable<IModel, Queries> Compiled = [];

    /// <summary>Account <paramref name="id"/> of the context's tenant with its version; null when there is none.</summary>
    public static Task<Stored<Account>?> AccountAsync(this CrmDbContext db, AccountId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Compiled.GetValue(db.Model, _ => new Queries()).Account(db, id, cancellationToken);
    }

    /// <summary>Lead <paramref name="id"/> of the context's tenant with its version; null when there is none.</summary>
    public static Task<Stored<Lead>?> LeadAsync(this CrmDbContext db, LeadId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Compiled.GetValue(db.Model, _ => new Queries()).Lead(db, id, cancellationToken);
    }

    private sealed class Queries
    {
        public Func<CrmDbContext, AccountId, CancellationToken, Task<Stored<Account>?>> Account { get; } =
            EF.CompileAsyncQuery((CrmDbContext db, AccountId id, CancellationToken _) => db.Accounts.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new Stored<Account>(a, EF.Property<long>(a, AggregateMapping.Version))).SingleOrDefault());

        public Func<CrmDbContext, LeadId, CancellationToken, Task<Stored<Lead>?>> Lead { get; } =
            EF.CompileAsyncQuery((CrmDbContext db, LeadId id, CancellationToken _) => db.Leads.AsNoTracking().Where(l => l.Id == id)
                .Select(l => new Stored<Lead>(l, EF.Property<long>(l, AggregateMapping.Version))).SingleOrDefault());
    }
}
