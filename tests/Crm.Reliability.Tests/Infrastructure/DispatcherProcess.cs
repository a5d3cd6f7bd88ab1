using System.Diagnostics;

namespace Crm.Reliability.Tests.Infrastructure;

/// <summary>
/// One run of tests/Crm.DispatcherHost (copied to <c>dispatcher/</c> by the build): a separate process dispatching the outbox
/// with the given configuration, its HTTP attempts written to <see cref="AttemptsFile"/>. Its output is drained as it comes
/// (a full pipe would stall it) and the last lines kept for a failure message.
/// </summary>
internal sealed class DispatcherProcess : IAsyncDisposable
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "dispatcher", "Crm.DispatcherHost.dll");

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private DispatcherProcess(Process process, string attempts) => (_process, AttemptsFile) = (process, attempts);

    /// <summary>The attempt log of this process (see Crm.DispatcherHost's AttemptLog).</summary>
    public string AttemptsFile { get; }

    /// <summary>Whether <see cref="KillAsync"/> ended it.</summary>
    public bool Killed { get; private set; }

    /// <summary>
    /// Starts a dispatcher configured by <paramref name="settings"/> (configuration keys such as <c>Crm:Database:Sqlite</c>),
    /// given as environment variables: a connection string's password stays off the command line.
    /// </summary>
    public static DispatcherProcess Start(IReadOnlyDictionary<string, string> settings, string attemptsFile)
    {
        var start = new ProcessStartInfo("dotnet", [Tool])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings.Append(new("Attempts", attemptsFile)).Append(new("Logging:LogLevel:Default", "Error")))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The dispatcher host did not start.");
        var dispatcher = new DispatcherProcess(process, attemptsFile);
        process.OutputDataReceived += (_, e) => dispatcher.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => dispatcher.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return dispatcher;
    }

    /// <summary>
    /// Ends the process at once with SIGKILL (what <see cref="Process.Kill()"/> sends on Unix: no shutdown code runs); answers
    /// its exit code, 137 (128 + 9) for a process the signal ended.
    /// </summary>
    public async Task<int> KillAsync()
    {
        Killed = true;
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
                return string.Join(Environment.NewLine, _tail);
        }
    }

    /// <summary>Whether it ended by itself (a start-up failure).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Stops it the polite way (its standard input closes), killing it when it does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
                _tail.Dequeue();
        }
    }
}
