using System.Globalization;
using Crm.Domain.Accounts;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// An in-memory ERP at the transport boundary: applies each idempotency key once (a resend answers what the first send
/// answered, and is counted in <see cref="Duplicates"/>), can be taken down to answer <see cref="Unavailable"/>, and keeps
/// every distinct effect. Subclasses hold the ERP's documented rules and data. Thread-safe: the fake HTTP servers
/// (<see cref="Servers.FakeErpServer"/>) call it from concurrent requests.
/// </summary>
public abstract class FakeErpEndpoint : IErpTransport
{
    private readonly Dictionary<string, TransportResult> _answered = [];
    private readonly Dictionary<string, int> _receipts = [];
    private readonly List<ErpEffect> _effects = [];
    private readonly Dictionary<MasterDataKind, int> _seededRecords = [];
    private int _seededCustomers;

    /// <inheritdoc />
    public abstract ErpId Erp { get; }

    /// <summary>While true the ERP is unreachable.</summary>
    public bool Down { get; set; }

    /// <summary>How many messages changed the ERP's data (one per idempotency key at most).</summary>
    public int Applied { get { lock (_answered) return _effects.Count; } }

    /// <summary>How many messages arrived again under a key already answered (absorbed: answered as the first time).</summary>
    public int Duplicates { get { lock (_answered) return _receipts.Values.Sum(n => n - 1); } }

    /// <summary>Every change applied, in order of arrival, with the idempotency key and account that caused it.</summary>
    public IReadOnlyList<ErpEffect> Effects { get { lock (_answered) return [.. _effects]; } }

    /// <summary>The idempotency keys of the changes applied for <paramref name="account"/>, in order of arrival.</summary>
    public IReadOnlyList<string> EffectsOf(AccountId account)
    {
        lock (_answered)
            return [.. _effects.Where(e => e.Account == account).Select(e => e.Key)];
    }

    /// <summary>How many times each idempotency key arrived.</summary>
    public IReadOnlyDictionary<string, int> Receipts { get { lock (_answered) return new Dictionary<string, int>(_receipts); } }

    /// <inheritdoc />
    public ValueTask<TransportResult> SendAsync(ErpMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (message.Erp != Erp)
            throw new ArgumentException($"A message for {message.Erp} was sent to the {Erp} endpoint.", nameof(message));
        if (Down)
            return ValueTask.FromResult<TransportResult>(new Unavailable($"{Erp} is down."));
        lock (_answered)
        {
            _receipts[message.Key.Value] = _receipts.GetValueOrDefault(message.Key.Value) + 1;
            if (_answered.TryGetValue(message.Key.Value, out var earlier))
                return ValueTask.FromResult(earlier);
            var result = Apply(message);
            _answered[message.Key.Value] = result;
            if (result.TryPickT0(out var delivered, out _))
                _effects.Add(new ErpEffect(message.Key.Value, message.Account, delivered));
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Runs <paramref name="read"/> under the endpoint's lock, for readers of the data on other threads.</summary>
    internal T Locked<T>(Func<T> read)
    {
        lock (_answered)
            return read();
    }

    /// <summary>
    /// The codes of <paramref name="count"/> new master-data records of <paramref name="kind"/> to seed: numbers from 10001 on,
    /// continuing after those seeded before.
    /// </summary>
    protected IReadOnlyList<string> NextCodes(MasterDataKind kind, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Locked(() =>
        {
            var first = _seededRecords.GetValueOrDefault(kind);
            _seededRecords[kind] = first + count;
            return (IReadOnlyList<string>)[.. Enumerable.Range(10_001 + first, count).Select(n => n.ToString(CultureInfo.InvariantCulture))];
        });
    }

    /// <summary>
    /// Adds <paramref name="count"/> customers the ERP already holds (entered in the ERP, not sent by the CRM): the accounts
    /// <see cref="TestAccounts.Customer"/> numbers after those seeded before, each stored by <paramref name="store"/>, which
    /// answers its ERP code. Seeds count in neither <see cref="Applied"/>, <see cref="Effects"/> nor <see cref="Receipts"/>.
    /// </summary>
    protected IReadOnlyList<string> SeedCustomers(int count, Func<Account, string> store)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(store);
        return Locked(() => (IReadOnlyList<string>)[.. Enumerable.Range(0, count).Select(_ => store(TestAccounts.Customer(++_seededCustomers)))]);
    }

    /// <summary>The ERP code of a seeded customer the ERP's checks accepted; a refused seed is a bug of the test's setup.</summary>
    protected static string SeededCode(TransportResult result) => result.Match(
        delivered => delivered.ErpCode,
        rejected => throw new InvalidOperationException("The fake refused a seeded customer: " + string.Join("; ", rejected.Problems)),
        unavailable => throw new InvalidOperationException("The fake was unavailable for a seeded customer: " + unavailable.Reason));

    /// <summary>Applies a message never seen before: the ERP's checks, then its change. Called under the endpoint's lock.</summary>
    protected abstract TransportResult Apply(ErpMessage message);

    /// <summary>A rejection listing <paramref name="problems"/>.</summary>
    protected static TransportResult Reject(IEnumerable<Problem> problems) => new Rejected([.. problems]);
}

/// <summary>One change a fake ERP applied.</summary>
/// <param name="Key">The idempotency key of the message that caused it.</param>
/// <param name="Account">The CRM account it was for (from the transport's account header over HTTP).</param>
/// <param name="Result">What the ERP answered.</param>
public sealed record ErpEffect(string Key, AccountId Account, Delivered Result);
