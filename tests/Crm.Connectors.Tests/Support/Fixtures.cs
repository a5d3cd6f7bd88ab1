using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Crm.Domain.Identity;
using Crm.Domain.Servers;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Connectors.Tests.Support;

/// <summary>
/// Encrypts with AES under a per-run key, so a stored password really is unreadable: the production protector is
/// ASP.NET Core Data Protection in Crm.Persistence, which this project must not reference.
/// </summary>
internal sealed class AesProtector : ISecretProtector
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public int Unprotected { get; private set; }

    public ProtectedSecret Protect(Secret secret)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        var cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(secret.Reveal()), aes.IV);
        return new ProtectedSecret(Convert.ToBase64String([.. aes.IV, .. cipher]));
    }

    public Secret Unprotect(ProtectedSecret secret)
    {
        Unprotected++;
        var bytes = Convert.FromBase64String(secret.Payload);
        using var aes = Aes.Create();
        aes.Key = _key;
        return new Secret(Encoding.UTF8.GetString(aes.DecryptCbc(bytes.AsSpan(16), bytes.AsSpan(0, 16))));
    }
}

/// <summary>Every log line written, formatted, with its structured values.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILoggerFactory Factory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner._lines.Enqueue($"{logLevel} {formatter(state, exception)} {values} {exception}");
        }
    }
}

internal static class Net
{
    public static readonly TenantId Tenant = new(Guid.NewGuid());
    public static readonly CompanyId Company = new(Guid.NewGuid());
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 6, 15, 0);

    public static int FreePort() => Crm.Tests.Shared.LocalSmtpServer.FreePort();
}
