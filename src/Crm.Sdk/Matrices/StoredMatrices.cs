using System.Collections.Concurrent;
using Crm.Domain.Identity;
using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Pricing;
using Crm.Persistence;
using Crm.Persistence.Matrices;
using Crm.Sdk.Orders;

namespace Crm.Sdk.Matrices;

/// <summary>
/// The engine's <see cref="ISalesMatrices"/>: each tenant's stored matrices, held in memory. Every use of them first reads
/// the tenant's matrix versions (one row per matrix), so a save through any engine on the database is seen by the next
/// order; a matrix whose version moved is brought up to date from its history (only the rules the saves touched are read,
/// then <see cref="Matrix{TPayload}.With"/>), the others are kept as they are. A save through this engine hands its new
/// matrix over directly (<see cref="Saved{TPayload}"/>). A tenant unused for <see cref="MatrixCacheOptions.IdleTenantExpiry"/>
/// is dropped (looked for at most once per a quarter of it, by the next use of any tenant).
/// </summary>
internal sealed class StoredMatrices(CrmDatabase database, TimeProvider time, Func<MatrixCacheOptions> options) : ISalesMatrices
{
    private readonly ConcurrentDictionary<TenantId, Tenant> _tenants = new();
    private long _nextSweep;

    /// <summary>The tenants held in memory now.</summary>
    internal IEnumerable<TenantId> HeldTenants => _tenants.Keys;

    /// <inheritdoc />
    public async ValueTask<SalesMatrices> ForAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        return (await CurrentAsync(db, tenant, cancellationToken).ConfigureAwait(false)).Sales;
    }

    /// <summary>The matrices of <paramref name="tenant"/> as <paramref name="db"/> (in the caller's unit of work) stores them now.</summary>
    public async Task<Snapshot> CurrentAsync(CrmDbContext db, TenantId tenant, CancellationToken cancellationToken)
    {
        var versions = await db.VersionsAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetTimestamp();
        Sweep(now);
        var held = _tenants.GetOrAdd(tenant, _ => new Tenant());
        held.LastUsed = now;
        if (held.Current is { } current && current.IsAt(versions))
            return current;
        // One refresh per tenant at a time: concurrent orders after a save wait for it rather than each reloading.
        await held.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (held.Current is { } refreshed && refreshed.IsAt(versions))
                return refreshed;
            var matrices = new Dictionary<string, (long Version, object Matrix)>(StringComparer.Ordinal);
            foreach (var kind in MatrixKinds.All)
            {
                if (!versions.TryGetValue(kind.Name, out var version))
                    continue;
                var old = held.Current?.Matrices.GetValueOrDefault(kind.Name);
                // A copy at or past the version read is kept: an order that read the versions before a refresh it waited
                // behind must not undo it.
                matrices[kind.Name] = old is { } o && o.Version >= version
                    ? o
                    : (version, await kind.LoadAsync(db, old?.Matrix, old?.Version ?? 0, cancellationToken).ConfigureAwait(false));
            }
            return held.Current = new Snapshot(matrices);
        }
        finally
        {
            held.Gate.Release();
        }
    }

    /// <summary>The stored matrix of <typeparamref name="TPayload"/> and its version (0 and empty when never saved).</summary>
    public async Task<(Matrix<TPayload> Matrix, long Version)> MatrixAsync<TPayload>(CrmDbContext db, TenantId tenant, CancellationToken cancellationToken)
        where TPayload : IMatrixPayload<TPayload>
    {
        var current = await CurrentAsync(db, tenant, cancellationToken).ConfigureAwait(false);
        return current.Matrices.TryGetValue(TPayload.MatrixName, out var held) ? ((Matrix<TPayload>)held.Matrix, held.Version) : (Empty<TPayload>.Matrix, 0);
    }

    /// <summary>
    /// A save of this engine moved the matrix of <typeparamref name="TPayload"/> from <paramref name="from"/> to
    /// <paramref name="to"/>: the copy in memory takes <paramref name="matrix"/>, unless it no longer holds <paramref name="from"/>
    /// (the next use then reloads from the store).
    /// </summary>
    public void Saved<TPayload>(TenantId tenant, long from, long to, Matrix<TPayload> matrix) where TPayload : IMatrixPayload<TPayload>
    {
        if (!_tenants.TryGetValue(tenant, out var held))
            return;
        var name = TPayload.MatrixName;
        for (var current = held.Current; current is not null; current = held.Current)
        {
            if ((current.Matrices.TryGetValue(name, out var old) ? old.Version : 0) != from)
                return;
            var matrices = new Dictionary<string, (long Version, object Matrix)>(current.Matrices, StringComparer.Ordinal) { [name] = (to, matrix) };
            if (Interlocked.CompareExchange(ref held.Current, new Snapshot(matrices), current) == current)
                return;
        }
    }

    // Drops the tenants idle for longer than the expiry; one sweep at a time, at most once per a quarter of the expiry. A use
    // racing with the drop keeps its copy; the next use loads anew.
    private void Sweep(long now)
    {
        if (options().IdleTenantExpiry is not { } expiry || expiry <= TimeSpan.Zero)
            return;
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + (long)(expiry.TotalSeconds / 4 * time.TimestampFrequency), next) != next)
            return;
        foreach (var (tenant, held) in _tenants)
            if (time.GetElapsedTime(held.LastUsed, now) > expiry)
                _tenants.TryRemove(new KeyValuePair<TenantId, Tenant>(tenant, held));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification =
        "A SemaphoreSlim whose wait handle is never used holds nothing to release, and a dropped tenant's gate may still be awaited by a use that raced with the drop.")]
    private sealed class Tenant
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile Snapshot? Current;
        public long LastUsed;
    }

    /// <summary>A tenant's stored matrices at their versions (a matrix never saved is absent) and the pricing view of them.</summary>
    internal sealed class Snapshot
    {
        public Snapshot(IReadOnlyDictionary<string, (long Version, object Matrix)> matrices)
        {
            Matrices = matrices;
            Sales = new SalesMatrices(
                new TaxMatrices
                {
                    Icms = Get<IcmsRule>() ?? Empty<IcmsRule>.Matrix,
                    Ipi = Get<IpiRule>() ?? Empty<IpiRule>.Matrix,
                    IcmsSt = Get<IcmsStRule>(),
                    Difal = Get<DifalRule>(),
                    PisCofins = Get<PisCofinsRule>() ?? Empty<PisCofinsRule>.Matrix,
                    CbsIbs = Get<CbsIbsRule>() ?? Empty<CbsIbsRule>.Matrix,
                    PisCofinsRepasse = Get<PisCofinsRepasseRule>(),
                },
                new CommercialMatrices
                {
                    DiscountSurcharge = Get<DiscountSurchargeRule>(),
                    MinimumValue = Get<MinimumValueRule>(),
                    Approval = Get<ApprovalRule>(),
                    Freight = Get<FreightRule>(),
                    PaymentCondition = Get<CustomerPaymentConditionRule>(),
                    UnitConversion = Get<UnitConversionRule>(),
                    Commission = Get<CommissionRule>(),
                    Negotiation = Get<NegotiationRule>(),
                });
        }

        public IReadOnlyDictionary<string, (long Version, object Matrix)> Matrices { get; }

        public SalesMatrices Sales { get; }

        /// <summary>True when every stored matrix is held at its stored version.</summary>
        public bool IsAt(Dictionary<string, long> versions) =>
            versions.Count == Matrices.Count && versions.All(v => Matrices.TryGetValue(v.Key, out var held) && held.Version == v.Value);

        private Matrix<TPayload>? Get<TPayload>() where TPayload : IMatrixPayload<TPayload> =>
            Matrices.TryGetValue(TPayload.MatrixName, out var held) ? (Matrix<TPayload>)held.Matrix : null;
    }

    private static class Empty<TPayload> where TPayload : IMatrixPayload<TPayload>
    {
        public static readonly Matrix<TPayload> Matrix = Matrix<TPayload>.Build([]).AsT0;
    }
}
