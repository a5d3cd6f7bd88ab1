using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// An in-memory ERP at the transport boundary: applies each idempotency key once (a resend answers what the first send
/// answered), can be taken down to answer <see cref="Unavailable"/>, and counts the messages that changed its data.
/// Subclasses hold the ERP's documented rules and data.
/// </summary>
public abstract class FakeErpEndpoint : IErpTransport
{
    private readonly Dictionary<string, TransportResult> _answered = [];

    /// <inheritdoc />
    public abstract ErpId Erp { get; }

    /// <summary>While true the ERP is unreachable.</summary>
    public bool Down { get; set; }

    /// <summary>How many messages changed the ERP's data.</summary>
    public int Applied { get; private set; }

    /// <inheritdoc />
    public ValueTask<TransportResult> SendAsync(ErpMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (message.Erp != Erp)
            throw new ArgumentException($"A message for {message.Erp} was sent to the {Erp} endpoint.", nameof(message));
        if (Down)
            return ValueTask.FromResult<TransportResult>(new Unavailable($"{Erp} is down."));
        if (_answered.TryGetValue(message.Key.Value, out var earlier))
            return ValueTask.FromResult(earlier);
        var result = Apply(message);
        _answered[message.Key.Value] = result;
        if (result.IsT0)
            Applied++;
        return ValueTask.FromResult(result);
    }

    /// <summary>Applies a message never seen before: the ERP's checks, then its change.</summary>
    protected abstract TransportResult Apply(ErpMessage message);

    /// <summary>A rejection listing <paramref name="problems"/>.</summary>
    protected static TransportResult Reject(IEnumerable<Problem> problems) => new Rejected([.. problems]);
}
