using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Crm.Adapters.Http;
using Crm.Adapters.Mega.SeniorX;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Logging;
using OneOf;

namespace Crm.Adapters.Mega;

/// <summary>
/// Sends agents to Mega through the Senior X URL pattern on <see cref="MegaOptions.ApiUrl"/>
/// (<see cref="SeniorXRoute.UpsertAgent"/>) with the bearer token of <see cref="SeniorXSession"/> (<c>loginWithKey</c> with
/// the application key on <see cref="MegaOptions.PlatformUrl"/>); a 401 refreshes the token once. The answer's <c>idErp</c>
/// is the ERP code; errors are <see cref="SeniorXError"/>. Reads (<see cref="ReadAllAsync"/>, <see cref="ReadExportAsync"/>,
/// <see cref="ReadAgentAsync"/>) go to the Senior X entities of the same service with the same token, paged the platform's
/// way: <c>?offset={page from 0}&amp;size={n}</c> answered by <c>{totalPages, totalElements, contents}</c>. Registered by
/// <see cref="MegaServiceCollectionExtensions.AddMegaAdapter"/>.
/// </summary>
public sealed class MegaTransport(HttpClient http, SeniorXSession session, TimeProvider time, ILogger<MegaTransport> logger)
    : ErpHttpTransport(http, logger, time)
{
    private readonly SeniorXSession _session = session ?? throw new ArgumentNullException(nameof(session));

    /// <inheritdoc />
    public override ErpId Erp => MegaAdapter.Id;

    /// <inheritdoc />
    protected override bool CanRenewCredentials => true;

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(ErpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new HttpRequestMessage(HttpMethod.Post, SeniorXRoute.UpsertAgent(Http.BaseAddress!)) { Content = Json(message.Body) };
    }

    /// <summary>The session's bearer token, logging in first when needed.</summary>
    protected override async ValueTask<TransportResult?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (token, failure) = await _session.AccessTokenAsync(Http, cancellationToken).ConfigureAwait(false);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return failure;
    }

    /// <summary>Refreshes the refused token.</summary>
    protected override ValueTask<TransportResult?> RenewCredentialsAsync(AuthenticationHeaderValue? refused, CancellationToken cancellationToken) =>
        _session.RenewAsync(Http, refused?.Parameter, cancellationToken);

    /// <summary>
    /// Page <paramref name="page"/> (from 0) of <paramref name="list"/>, <paramref name="size"/> records: the Senior X entity
    /// list <c>{totalPages, totalElements, contents}</c>, with a next page while <c>page + 1 &lt; totalPages</c>.
    /// </summary>
    public async ValueTask<OneOf<ErpListPage, Rejected, Unavailable>> ReadPageAsync(MegaList list, int page, int size,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var path = string.Create(CultureInfo.InvariantCulture, $"{SeniorXRoute.EntityPath(list)}?offset={page}&size={size}");
        var answer = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return answer.Match<OneOf<ErpListPage, Rejected, Unavailable>>(body => ParsePage(body, page), r => r, u => u);
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 0) of a Senior X entity list in <paramref name="body"/>,
    /// <c>{totalPages, totalElements, contents}</c>: a next page follows while <c>page + 1 &lt; totalPages</c>.
    /// </summary>
    public static OneOf<ErpListPage, Rejected, Unavailable> ParsePage(string body, int page) =>
        ErpListPage.Parse(MegaAdapter.Id, body, "contents",
            root => root.TryGetProperty("totalPages", out var total) && total.TryGetInt32(out var pages) && page + 1 < pages);

    /// <summary>Every record of <paramref name="list"/>, as the ERP's JSON, page after page until the last.</summary>
    public ValueTask<OneOf<IReadOnlyList<string>, Rejected, Unavailable>> ReadAllAsync(MegaList list, int size = 100,
        CancellationToken cancellationToken = default) =>
        ReadEveryPageAsync(0, (page, ct) => ReadPageAsync(list, page, size, ct), cancellationToken);

    /// <summary>One agent by its <c>idErp</c>, as the ERP's JSON (give it to the adapter's <c>ReadState</c>); unknown is <see cref="Rejected"/>.</summary>
    public ValueTask<OneOf<string, Rejected, Unavailable>> ReadAgentAsync(string idErp, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idErp);
        return ReadAsync($"{SeniorXRoute.EntityPath(MegaList.Agents)}/{Uri.EscapeDataString(idErp)}", cancellationToken);
    }

    /// <summary>
    /// The agent's code and situation (<c>active</c>: Ativo ERP / Inativo ERP). The agent carries no block apart from its
    /// status, no last purchase and no credit (Senior's account entity, ERP.md §3), so those are
    /// <see cref="ErpAccountState.NotExposed"/>.
    /// </summary>
    public override ValueTask<OneOf<ErpAccountState, Rejected, Unavailable>> ReadAccountStateAsync(string erpCode, NodaTime.LocalDate today,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(erpCode);
        return ReadAsAsync($"{SeniorXRoute.EntityPath(MegaList.Agents)}/{Uri.EscapeDataString(erpCode)}", body =>
        {
            var agent = PayloadJson.Deserialize<MegaAgent>(body);
            return new ErpAccountState
            {
                ErpCode = agent.IdErp ?? throw new FormatException("Mega answered an agent without idErp."),
                Situation = agent.Active ? Domain.Accounts.ErpLink.ErpSituation.Active : Domain.Accounts.ErpLink.ErpSituation.Inactive,
                NotExposed = ErpStateFields.Blocked | ErpStateFields.LastPurchase | ErpStateFields.CreditLimit | ErpStateFields.OpenBalance
                             | ErpStateFields.AvailableCredit,
            };
        }, cancellationToken);
    }

    /// <summary>
    /// The lists the Mega rules read that its Senior X service lists: representatives, payment conditions (with "A receber"
    /// as <see cref="MasterDataRecord.Receivable"/>) and price tables, each record with its <c>active</c> flag. Mega has no
    /// carrier or portador list. Customers are not served: Mega documents no list API, and its agent list (inferred) mixes
    /// customers with other agents.
    /// </summary>
    public override IReadOnlyList<MasterDataKind> MasterDataKinds { get; } =
        [MasterDataKind.Representative, MasterDataKind.PaymentCondition, MasterDataKind.PriceTable];

    /// <summary>
    /// Page <paramref name="page"/> (from 1; Senior X <c>offset</c> <paramref name="page"/> − 1) of the list of
    /// <paramref name="kind"/>; a record that is not the list's JSON or has no usable code is left out of the page and logged.
    /// </summary>
    public override async ValueTask<ErpRead<MasterDataPage>> ReadMasterDataAsync(MasterDataKind kind, int page,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        (MegaList List, Func<string, MasterDataRecord?> RecordOf)? source = kind switch
        {
            MasterDataKind.Representative => (MegaList.Representatives, item => Record<MegaRepresentative>(item, r => (r.Code, r.Name, r.Active, true))),
            MasterDataKind.PaymentCondition => (MegaList.PaymentConditions, item => Record<MegaPaymentCondition>(item, p => (p.Code, p.Name, p.Active, p.Receivable))),
            MasterDataKind.PriceTable => (MegaList.PriceTables, item => Record<MegaPriceTable>(item, t => (t.Code, t.Name, t.Active, true))),
            _ => null,
        };
        if (source is not var (list, recordOf))
            return await base.ReadMasterDataAsync(kind, page, cancellationToken).ConfigureAwait(false);
        var read = await ReadPageAsync(list, page - 1, ReadPageSize, cancellationToken).ConfigureAwait(false);
        return MasterDataPageOf(kind, read, recordOf);

        MasterDataRecord? Record<T>(string item, Func<T, (string? Code, string? Name, bool Active, bool Receivable)> fields)
        {
            try
            {
                var (code, name, active, receivable) = fields(PayloadJson.Deserialize<T>(item));
                return MasterDataCode.From(code) is { } c ? new MasterDataRecord(kind, c, name ?? c.Value, active, receivable) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Everything the initial load takes, every list read to its last page (give it to <see cref="MegaInitialLoad.Take"/>); a
    /// record that is not the list's JSON is <see cref="Rejected"/> (<c>mega.list.unreadable</c>).
    /// </summary>
    public async ValueTask<OneOf<MegaExport, Rejected, Unavailable>> ReadExportAsync(int size = 100, CancellationToken cancellationToken = default)
    {
        var lists = new Dictionary<MegaList, IReadOnlyList<string>>();
        foreach (var list in Enum.GetValues<MegaList>())
        {
            var read = await ReadAllAsync(list, size, cancellationToken).ConfigureAwait(false);
            if (!read.TryPickT0(out var items, out var failed))
                return failed.Match<OneOf<MegaExport, Rejected, Unavailable>>(r => r, u => u);
            lists[list] = items;
        }
        List<T> Records<T>(MegaList list) => [.. lists[list].Select(PayloadJson.Deserialize<T>)];
        try
        {
            return new MegaExport(Records<MegaCompany>(MegaList.Companies), Records<MegaBranch>(MegaList.Branches),
                Records<MegaAgent>(MegaList.Agents), Records<MegaRepresentative>(MegaList.Representatives),
                Records<MegaPaymentCondition>(MegaList.PaymentConditions), Records<MegaPriceTable>(MegaList.PriceTables));
        }
        catch (JsonException)
        {
            return new Rejected([new Problem("", "mega.list.unreadable", "A Mega answered a list with records that are not its JSON.")]);
        }
    }

    /// <inheritdoc />
    protected override string? ReadErpCode(ErpMessage message, string body) => PayloadJson.Deserialize<MegaAgent>(body).IdErp;

    /// <inheritdoc />
    protected override IReadOnlyList<Problem> ReadProblems(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<SeniorXError>(body);
            if (error?.Details is { Count: > 0 } details)
                return [.. details.Select(d => new Problem(d.Field ?? "", d.Code, d.Message))];
            return error?.Message is { } text ? [new Problem("", error.Reason ?? "mega.error", text)] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
