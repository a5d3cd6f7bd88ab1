using System.Collections.Concurrent;
using Crm.Adapters.Http;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// A service provider as a host builds it (the adapter's <c>Add…Adapter</c>, logging at Trace into <see cref="Logs"/>),
/// its typed client trusting the fake server's certificate, and resilience timings short enough for tests.
/// </summary>
internal sealed class TransportHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public TransportHost(ErpId erp, FakeErpServer server, Action<IServiceCollection> register, Action<HttpStandardResilienceOptions>? resilience = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        register(services);
        services.AddHttpClient(ErpHttpServiceCollectionExtensions.ClientName(erp)).ConfigurePrimaryHttpMessageHandler(server.CreateHandler);
        services.Configure<HttpStandardResilienceOptions>(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(erp), o =>
        {
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            resilience?.Invoke(o);
        });
        _provider = services.BuildServiceProvider();
        Transport = _provider.GetServices<IErpTransport>().Single(t => t.Erp == erp);
    }

    /// <summary>The ERP's transport, as the dispatcher gets it.</summary>
    public IErpTransport Transport { get; }

    /// <summary>Every log line written, formatted, with its category.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}

/// <summary>Keeps every log entry: category, level, formatted message and each structured value.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {logLevel} {eventId.Id} {formatter(state, exception)} | {values} {exception}");
        }
    }
}
