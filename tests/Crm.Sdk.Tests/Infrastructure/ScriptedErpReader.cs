using System.Collections.Concurrent;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using NodaTime;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>
/// An <see cref="IErpReader"/> at the ERP boundary whose answers a test scripts: each customer's standing (or a refusal), an
/// outage after a number of reads, master-data lists as pages, and a one-shot outage at a chosen page. Records what was asked.
/// </summary>
public sealed class ScriptedErpReader(string erp = "protheus") : IErpReader
{
    public ErpId Erp { get; } = ErpId.Of(erp);

    /// <summary>The standing each customer code answers (read instant filled in); a code absent is refused.</summary>
    public ConcurrentDictionary<string, ErpStanding> Standings { get; } = new();

    /// <summary>How many standing reads answer before the ERP goes unavailable; null: never.</summary>
    public int? AvailableReads { get; set; }

    /// <summary>The pages of each master-data list.</summary>
    public Dictionary<MasterDataKind, List<List<MasterDataRecord>>> Lists { get; } = [];

    /// <summary>A page that answers unavailable once (then normally).</summary>
    public (MasterDataKind Kind, int Page)? OutageAt { get; set; }

    public ConcurrentQueue<string> StandingReads { get; } = new();

    public ConcurrentQueue<(MasterDataKind Kind, int Page)> PageReads { get; } = new();

    public IReadOnlyList<MasterDataKind> MasterDataKinds => [.. Lists.Keys];

    public ValueTask<ErpRead<ErpStanding>> ReadStandingAsync(string erpCode, LocalDate today, Instant readAt, CancellationToken cancellationToken = default)
    {
        if (AvailableReads is { } left)
        {
            if (left == 0)
                return ValueTask.FromResult<ErpRead<ErpStanding>>(new Unavailable("down for the test"));
            AvailableReads = left - 1;
        }
        StandingReads.Enqueue(erpCode);
        return ValueTask.FromResult<ErpRead<ErpStanding>>(Standings.TryGetValue(erpCode, out var standing)
            ? standing with { ReadAt = readAt }
            : new Rejected([new Problem("erpCode", "protheus.customer_not_found", "Cliente não encontrado.")]));
    }

    public ValueTask<ErpRead<MasterDataPage>> ReadMasterDataAsync(MasterDataKind kind, int page, CancellationToken cancellationToken = default)
    {
        if (OutageAt == (kind, page))
        {
            OutageAt = null;
            return ValueTask.FromResult<ErpRead<MasterDataPage>>(new Unavailable("down for the test"));
        }
        PageReads.Enqueue((kind, page));
        var pages = Lists[kind];
        return ValueTask.FromResult<ErpRead<MasterDataPage>>(new MasterDataPage(pages[page - 1], page < pages.Count));
    }

    /// <summary>A record of <paramref name="kind"/>.</summary>
    public static MasterDataRecord Record(MasterDataKind kind, string code) => new(kind, Domain.Accounts.Configuration.MasterDataCode.Of(code), $"{kind} {code}");
}
