using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>A logger provider keeping every line written, with its level, event id and structured values.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Line(string Category, LogLevel Level, EventId Event, string Message, IReadOnlyDictionary<string, object?> Values);

    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            lines.Enqueue(new Line(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
