using System.Text.Json;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Logging;
using OneOf;

namespace Crm.Adapters.Http;

/// <summary>
/// A transport to a TOTVS REST API (Datasul, Protheus): Basic authentication when a user is configured, and errors in the
/// TOTVS envelope (<see cref="TotvsError"/>).
/// </summary>
public abstract class TotvsHttpTransport : ErpHttpTransport
{
    private readonly string? _username;
    private readonly string? _password;

    /// <summary>Creates the transport; <paramref name="username"/> and <paramref name="password"/> go together or not at all.</summary>
    protected TotvsHttpTransport(HttpClient http, ILogger logger, TimeProvider time, string? username, string? password) : base(http, logger, time)
    {
        _username = username;
        _password = password;
    }

    /// <summary>Basic authentication with the configured user, when there is one.</summary>
    protected override ValueTask<TransportResult?> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(_username))
            request.Headers.Authorization = Basic(_username, _password ?? "");
        return ValueTask.FromResult<TransportResult?>(null);
    }

    /// <summary>The path of the customer list (<paramref name="erpCode"/> null) or of one customer.</summary>
    protected abstract string CustomerPath(string? erpCode);

    /// <summary>
    /// One integrated customer's current ERP record (code, situation, last purchase, credit fields where the ERP has them),
    /// as the ERP's JSON: give it to the adapter's <c>ReadState</c>. An unknown code is <see cref="Rejected"/> (HTTP 404).
    /// </summary>
    public ValueTask<OneOf<string, Rejected, Unavailable>> ReadCustomerAsync(string erpCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(erpCode);
        return ReadAsync(CustomerPath(Uri.EscapeDataString(erpCode)), cancellationToken);
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the TOTVS list at <paramref name="path"/> (<c>?page=&amp;pageSize=</c>, answer
    /// <c>{hasNext, items}</c>, ERP.md §2.4). A caller that keeps the last page read can resume a load there.
    /// </summary>
    public async ValueTask<OneOf<ErpListPage, Rejected, Unavailable>> ReadPageAsync(string path, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var answer = await ReadAsync($"{path}{separator}page={page}&pageSize={pageSize}", cancellationToken).ConfigureAwait(false);
        return answer.Match<OneOf<ErpListPage, Rejected, Unavailable>>(body => ErpListPage.ParseTotvs(Erp, body), r => r, u => u);
    }

    /// <summary>Every item of the TOTVS list at <paramref name="path"/>, as raw JSON, reading pages until <c>hasNext</c> is false.</summary>
    public ValueTask<OneOf<IReadOnlyList<string>, Rejected, Unavailable>> ReadAllAsync(string path, int pageSize = 100,
        CancellationToken cancellationToken = default) =>
        ReadEveryPageAsync(1, (page, ct) => ReadPageAsync(path, page, pageSize, ct), cancellationToken);

    /// <summary>
    /// The path of each master-data list the ERP's contract documents (<see cref="IErpReader.MasterDataKinds"/>), a TOTVS list
    /// read a page at a time by <see cref="ReadMasterDataAsync"/>.
    /// </summary>
    protected abstract IReadOnlyDictionary<MasterDataKind, string> MasterDataPaths { get; }

    /// <inheritdoc />
    public override IReadOnlyList<MasterDataKind> MasterDataKinds => [.. MasterDataPaths.Keys];

    /// <summary>
    /// Page <paramref name="page"/> of the TOTVS list of <paramref name="kind"/>: each item's <c>code</c>, its <c>name</c> (or
    /// <c>description</c>), and for a price table whether it is active (<c>activeTablePrice</c>, TOTVS
    /// <c>PriceListHeaderItem_2_005</c>); names are matched without regard to case. An item without a usable code (blank,
    /// longer than <see cref="MasterDataCode.MaxLength"/>) is left out of the page and logged.
    /// </summary>
    public override async ValueTask<ErpRead<MasterDataPage>> ReadMasterDataAsync(MasterDataKind kind, int page,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        if (!MasterDataPaths.TryGetValue(kind, out var path))
            return await base.ReadMasterDataAsync(kind, page, cancellationToken).ConfigureAwait(false);
        var read = await ReadPageAsync(path, page, ReadPageSize, cancellationToken).ConfigureAwait(false);
        return MasterDataPageOf(kind, read, item => RecordOf(kind, item));
    }

    /// <summary>True: TOTVS lists its customers at <see cref="CustomerPath"/> (null code).</summary>
    public override bool ServesCustomers => true;

    /// <summary>Page <paramref name="page"/> of the customer list, each item the customer's JSON as the adapter reads it.</summary>
    public override async ValueTask<ErpRead<ErpPayloadPage>> ReadCustomersAsync(int page, CancellationToken cancellationToken = default)
    {
        var read = await ReadPageAsync(CustomerPath(null), page, ReadPageSize, cancellationToken).ConfigureAwait(false);
        return read.Match<ErpRead<ErpPayloadPage>>(p => new ErpPayloadPage(p.Items, p.HasNext), r => r, u => u);
    }

    private static MasterDataRecord? RecordOf(MasterDataKind kind, string item)
    {
        try
        {
            using var document = JsonDocument.Parse(item);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            var properties = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
            string? Text(string name) => properties.TryGetValue(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;
            var active = !properties.TryGetValue("activeTablePrice", out var flag) || flag.ValueKind != JsonValueKind.False;
            return MasterDataCode.From(Text("code")) is { } code ? new MasterDataRecord(kind, code, Text("name") ?? Text("description") ?? code.Value, active) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The problems of the TOTVS error envelope.</summary>
    protected override IReadOnlyList<Problem> ReadProblems(string body) => TotvsError.ProblemsIn(body);
}
