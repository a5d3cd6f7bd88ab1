using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>
/// An <see cref="IErpReader"/> at the ERP boundary whose master-data lists a test scripts and changes between loads (the fake
/// Protheus's lists are fixed when it starts), as pages, with a one-shot outage at a chosen page.
/// </summary>
public sealed class ScriptedErpReader(string erp = "protheus") : IErpReader
{
    public ErpId Erp { get; } = ErpId.Of(erp);

    /// <summary>The pages of each master-data list.</summary>
    public Dictionary<MasterDataKind, List<List<MasterDataRecord>>> Lists { get; } = [];

    /// <summary>A page that answers unavailable once (then normally).</summary>
    public (MasterDataKind Kind, int Page)? OutageAt { get; set; }

    /// <summary>Runs once when the page is asked for, before answering (another process acting meanwhile).</summary>
    public (MasterDataKind Kind, int Page, Func<Task> Act)? WhileReading { get; set; }

    /// <summary>An ERP that ignores the page asked for: always the first page, always "more follows".</summary>
    public bool IgnoresPage { get; set; }

    public IReadOnlyList<MasterDataKind> MasterDataKinds => [.. Lists.Keys];

    /// <summary>Not scripted: the tests that pull standings use the fake Protheus.</summary>
    public ValueTask<ErpRead<ErpStanding>> ReadStandingAsync(string erpCode, LocalDate today, Instant readAt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted reader serves master-data lists only.");

    public async ValueTask<ErpRead<MasterDataPage>> ReadMasterDataAsync(MasterDataKind kind, int page, CancellationToken cancellationToken = default)
    {
        if (WhileReading is { } hook && (hook.Kind, hook.Page) == (kind, page))
        {
            WhileReading = null;
            await hook.Act();
        }
        if (OutageAt == (kind, page))
        {
            OutageAt = null;
            return new Unavailable("down for the test");
        }
        var pages = Lists[kind];
        return IgnoresPage ? new MasterDataPage(pages[0], true) : new MasterDataPage(pages[page - 1], page < pages.Count);
    }

    /// <summary>A record of <paramref name="kind"/>.</summary>
    public static MasterDataRecord Record(MasterDataKind kind, string code) => new(kind, Domain.Accounts.Configuration.MasterDataCode.Of(code), $"{kind} {code}");
}
