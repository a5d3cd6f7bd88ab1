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

    /// <summary>Every customer of the ERP, page after page until <c>hasNext</c> is false (an initial load).</summary>
    public ValueTask<OneOf<IReadOnlyList<string>, Rejected, Unavailable>> ReadCustomersAsync(int pageSize = 100, CancellationToken cancellationToken = default) =>
        ReadAllAsync(CustomerPath(null), pageSize, cancellationToken);

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
    /// The master data the adapter's rules read, every list read to its last page: each item's <c>code</c>, its
    /// <c>name</c> (or <c>description</c>), and for a price table whether it is active (<c>activeTablePrice</c>, TOTVS
    /// <c>PriceListHeaderItem_2_005</c>); names are matched without regard to case. An item without a usable code (blank, longer
    /// than <see cref="MasterDataCode.MaxLength"/>) is <see cref="Rejected"/> (<c>{erp}.master_data.unreadable</c>), never
    /// half-loaded.
    /// </summary>
    protected async ValueTask<OneOf<IntegratedMasterData, Rejected, Unavailable>> ReadIntegratedMasterDataAsync(
        IEnumerable<(string Path, MasterDataKind Kind)> lists, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var records = new List<MasterDataRecord>();
        foreach (var (path, kind) in lists)
        {
            var read = await ReadAllAsync(path, pageSize, cancellationToken).ConfigureAwait(false);
            if (!read.TryPickT0(out var items, out var failed))
                return failed.Match<OneOf<IntegratedMasterData, Rejected, Unavailable>>(r => r, u => u);
            foreach (var item in items)
            {
                if (RecordOf(kind, item) is not { } record)
                    return new Rejected([new Problem("", $"{Erp}.master_data.unreadable", $"{Erp} listed at {path} a record without a usable code: {Shorten(item)}")]);
                records.Add(record);
            }
        }
        return new IntegratedMasterData(records);
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

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>The problems of the TOTVS error envelope.</summary>
    protected override IReadOnlyList<Problem> ReadProblems(string body) => TotvsError.ProblemsIn(body);
}
