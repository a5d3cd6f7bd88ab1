using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Testing;

/// <summary>
/// Reads an <see cref="IErpReader"/>'s lists whole, page 1 to the page that says no next one follows, as a test (or a host
/// without the engine's restartable load) needs them; the first failure ends the read with it.
/// </summary>
public static class ErpReaderPages
{
    /// <summary>More pages than any test list has: a reader still saying <c>HasNext</c> after them never ends.</summary>
    public const int MaxPages = 10_000;

    /// <summary>Every record of <paramref name="kind"/>, in the ERP's order.</summary>
    public static ValueTask<ErpRead<IReadOnlyList<MasterDataRecord>>> ReadAllAsync(this IErpReader reader, MasterDataKind kind,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadToEndAsync<MasterDataPage, MasterDataRecord>(page => reader.ReadMasterDataAsync(kind, page, cancellationToken),
            p => (p.Records, p.HasNext), cancellationToken);
    }

    /// <summary>Every customer payload, in the ERP's order.</summary>
    public static ValueTask<ErpRead<IReadOnlyList<string>>> ReadAllCustomersAsync(this IErpReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadToEndAsync<ErpPayloadPage, string>(page => reader.ReadCustomersAsync(page, cancellationToken),
            p => (p.Payloads, p.HasNext), cancellationToken);
    }

    /// <summary>Every record of every kind in <see cref="IErpReader.MasterDataKinds"/>, as the eligibility rules read them.</summary>
    public static async ValueTask<ErpRead<IntegratedMasterData>> LoadMasterDataAsync(this IErpReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<MasterDataRecord>();
        foreach (var kind in reader.MasterDataKinds)
        {
            var read = await reader.ReadAllAsync(kind, cancellationToken).ConfigureAwait(false);
            if (!read.TryPickT0(out var all, out var failed))
                return failed.Match<ErpRead<IntegratedMasterData>>(r => r, u => u);
            records.AddRange(all);
        }
        return new IntegratedMasterData(records);
    }

    private static async ValueTask<ErpRead<IReadOnlyList<TItem>>> ReadToEndAsync<TPage, TItem>(Func<int, ValueTask<ErpRead<TPage>>> read,
        Func<TPage, (IReadOnlyList<TItem> Items, bool HasNext)> items, CancellationToken cancellationToken)
    {
        var all = new List<TItem>();
        for (var page = 1; page <= MaxPages; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = await read(page).ConfigureAwait(false);
            if (!answer.TryPickT0(out var current, out var failed))
                return failed.Match<ErpRead<IReadOnlyList<TItem>>>(r => r, u => u);
            var (pageItems, hasNext) = items(current);
            all.AddRange(pageItems);
            if (!hasNext)
                return all;
        }
        throw new InvalidOperationException($"The reader still said another page follows after {MaxPages} pages.");
    }
}
