using System.Diagnostics;
using System.Globalization;

namespace Crm.DispatcherHost;

/// <summary>
/// A file of the HTTP attempts this process made, one line each, written through as it ends (a SIGKILL loses only the attempts
/// in flight): start and end as <see cref="Stopwatch.GetTimestamp"/> (the system's monotonic clock, the same in every process
/// of the machine), the idempotency key, and the status (0 when no answer came).
/// </summary>
internal sealed class AttemptLog : IDisposable
{
    private readonly StreamWriter _writer;

    public AttemptLog(string path) => _writer = new StreamWriter(path, append: true) { AutoFlush = true };

    public void Add(long start, long end, string key, int status)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{start}\t{end}\t{key}\t{status}");
        lock (_writer)
            _writer.WriteLine(line);
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>Writes each attempt of the ERP client to the <see cref="AttemptLog"/>.</summary>
internal sealed class AttemptRecorder(AttemptLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues(Crm.Adapters.Http.ErpHttpTransport.IdempotencyKeyHeader, out var values) ? values.First() : "-";
        var start = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            log.Add(start, Stopwatch.GetTimestamp(), key, status);
        }
    }
}
