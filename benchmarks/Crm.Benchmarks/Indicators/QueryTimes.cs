using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Crm.Benchmarks.Indicators;

/// <summary>
/// The time of each indicator's own query, read from EF Core's "command executed" log: the indicators tag every query
/// (<c>-- Indicator: …</c>), so a group's time splits into one figure per indicator. Only that event of the command
/// category is enabled, so collecting costs one log call per query.
/// </summary>
internal sealed class QueryTimes : ILoggerProvider, ILogger
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _times = new();

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Information));

    public ILogger CreateLogger(string categoryName) =>
        categoryName == CommandCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Information;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != RelationalEventId.CommandExecuted.Id || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            return;
        var text = values.FirstOrDefault(v => v.Key == "commandText").Value as string ?? "";
        var tag = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("-- Indicator", StringComparison.Ordinal));
        if (tag is not null && double.TryParse(values.FirstOrDefault(v => v.Key == "elapsed").Value as string, CultureInfo.InvariantCulture, out var ms))
            _times.GetOrAdd(tag[3..], _ => new()).Enqueue(ms);
    }

    /// <summary>Each tag's median and maximum in ms, slowest first, and forgets them.</summary>
    public string Report()
    {
        var lines = _times.Select(t => (Tag: t.Key, Times: t.Value.Order().ToList()))
            .Select(t => (t.Tag, Median: t.Times[t.Times.Count / 2], Max: t.Times[^1], t.Times.Count))
            .OrderByDescending(t => t.Median)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"//   {t.Median,8:F1} ms median, {t.Max,8:F1} ms max, {t.Count,3} runs: {t.Tag}"))
            .ToList();
        _times.Clear();
        return string.Join(Environment.NewLine, lines);
    }

    public void Dispose()
    {
    }
}
