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
    protected TotvsHttpTransport(HttpClient http, ILogger logger, string? username, string? password) : base(http, logger)
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

    /// <summary>The problems of the TOTVS error envelope.</summary>
    protected override IReadOnlyList<Problem> ReadProblems(string body) => TotvsError.ProblemsIn(body);
}
