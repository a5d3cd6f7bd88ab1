using System.Buffers.Binary;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Crm.Domain.Identity;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Sdk.Orders;

/// <summary>
/// What serializes the writers of a customer's credit and of the stock and quotas of products (releases, cancellations of
/// released orders, catalog saves), for the length of their transaction. PostgreSQL: transaction-scoped advisory locks, a
/// customer's in one key space and the products' in 1,024 stripes of another (a stripe per product would fill the server's
/// lock table on a release naming thousands of products), always the customer first, then the stripes in ascending order, so
/// two writers never wait on each other crosswise. SQLite: the database's write lock, taken when the transaction begins.
/// </summary>
internal static class SaleLocks
{
    public const int Stripes = 1024;

    private const int CustomerSpace = 0x43524D01; // "CRM" + 1
    private const int StockSpace = 0x43524D02;

    /// <summary>
    /// The writer's transaction. PostgreSQL: READ COMMITTED, so that each statement after a lock sees what the previous holder
    /// committed (a REPEATABLE READ snapshot would be taken before the wait and miss it). SQLite: Microsoft.Data.Sqlite begins
    /// it IMMEDIATE, with the write lock.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(UnitOfWork work) => IsPostgres(work)
        ? await work.Db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, work.Cancellation).ConfigureAwait(false)
        : await work.Db.Database.BeginTransactionAsync(work.Cancellation).ConfigureAwait(false);

    /// <summary>Waits for the lock of <paramref name="customer"/>'s credit (take it before any product's).</summary>
    public static async Task CustomerAsync(UnitOfWork work, AccountId customer)
    {
        if (IsPostgres(work))
            await work.Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CustomerSpace}, {CustomerKey(work.Tenant, customer)})", work.Cancellation)
                .ConfigureAwait(false);
    }

    /// <summary>Waits for the stripes of <paramref name="products"/>, in one statement, in ascending order.</summary>
    public static async Task ProductsAsync(UnitOfWork work, IEnumerable<string> products)
    {
        if (!IsPostgres(work))
            return;
        var stripes = products.Select(p => Stripe(work.Tenant, p)).Distinct().Order().ToArray();
        if (stripes.Length > 0)
            await work.Db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock({StockSpace}, k) FROM unnest({stripes}) AS k ORDER BY k", work.Cancellation).ConfigureAwait(false);
    }

    /// <summary>The (space, key) of a customer's lock, for tests that hold it.</summary>
    public static (int Space, int Key) CustomerLock(TenantId tenant, AccountId customer) => (CustomerSpace, CustomerKey(tenant, customer));

    private static bool IsPostgres(UnitOfWork work) => work.Db.IsPostgres;

    private static int CustomerKey(TenantId tenant, AccountId customer) => Hash($"{tenant.Value}:{customer.Value}");

    private static int Stripe(TenantId tenant, string product) => (int)((uint)Hash($"{tenant.Value}:{product}") % Stripes);

    private static int Hash(string text) => BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
