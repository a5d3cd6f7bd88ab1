using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Crm.Cli.Demo;

/// <summary>A message the demo's mail server accepted.</summary>
/// <param name="To">The envelope recipient.</param>
/// <param name="Subject">The subject.</param>
/// <param name="MessageId">The Message-ID header.</param>
internal sealed record DemoMail(string To, string Subject, string MessageId);

/// <summary>
/// The demo company's SMTP server: a real SMTP server (the SmtpServer package) on 127.0.0.1, a port of its own per run, that
/// keeps what it accepted so the demo can show it. Plain text, no authentication: it never leaves the machine.
/// Not the tests' <c>LocalSmtpServer</c> (tests/Shared): a sample cannot reference test code, and that server's TLS, AUTH,
/// refusals and outages are test needs the demo has none of; one server for both would live in a shipped package
/// (Crm.Adapters.Testing, beside the fake ERP servers).
/// </summary>
internal sealed class DemoMailServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<DemoMail> _received = new();
    private readonly CancellationTokenSource _running = new();
    private readonly Task _serving;

    private DemoMailServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Keeper(_received));
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>What it accepted so far.</summary>
    public IReadOnlyCollection<DemoMail> Received => _received;

    /// <summary>Starts a server on a free loopback port.</summary>
    public static DemoMailServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new DemoMailServer(port);
    }

    public async ValueTask DisposeAsync()
    {
        await _running.CancelAsync();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
            // stopped, as asked
        }
        _running.Dispose();
    }

    private sealed class Keeper(ConcurrentQueue<DemoMail> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            foreach (var to in transaction.To)
                received.Enqueue(new DemoMail(to.AsAddress(), message.Subject ?? "", message.MessageId ?? ""));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
