using Crm.Adapters.Http;
using Crm.Domain.Integration.Messages;

namespace Crm.Adapters.Testing;

/// <summary>
/// An adapter's <see cref="IErpReader"/> for the conformance kit (<see cref="AdapterConformanceTests.StartReaderAsync"/>),
/// talking to an ERP (typically a fake server) that holds more than one page of every list the reader serves, and the
/// customer <paramref name="knownCustomer"/>. Disposing it disposes <paramref name="owned"/> (the host, the server).
/// </summary>
/// <param name="reader">The reader, as the host resolves it.</param>
/// <param name="knownCustomer">The ERP code of a customer the ERP holds.</param>
/// <param name="notExposed">What the ERP's contract does not carry: the standing must leave it null.</param>
/// <param name="owned">What to dispose after the check, in order.</param>
public sealed class ErpReaderUnderTest(IErpReader reader, string knownCustomer, ErpStateFields notExposed, params IEnumerable<object> owned)
    : IAsyncDisposable
{
    /// <summary>The reader.</summary>
    public IErpReader Reader { get; } = reader ?? throw new ArgumentNullException(nameof(reader));

    /// <summary>The ERP code of a customer the ERP holds.</summary>
    public string KnownCustomer { get; } = knownCustomer ?? throw new ArgumentNullException(nameof(knownCustomer));

    /// <summary>What the ERP's contract does not carry.</summary>
    public ErpStateFields NotExposed { get; } = notExposed;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var item in owned)
        {
            if (item is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (item is IDisposable disposable)
                disposable.Dispose();
        }
    }
}
