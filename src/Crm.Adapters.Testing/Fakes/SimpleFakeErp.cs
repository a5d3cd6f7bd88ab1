using System.Globalization;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// A starting point for the fake of an ERP the kit does not know: it numbers created customers and accepts updates only
/// under a code it gave. Write a subclass with your ERP's documented checks as soon as you have them.
/// </summary>
public sealed class SimpleFakeErp(ErpId erp) : FakeErpEndpoint
{
    private readonly Dictionary<string, string> _bodies = [];

    /// <inheritdoc />
    public override ErpId Erp => erp;

    /// <summary>The last body received per customer code.</summary>
    public IReadOnlyDictionary<string, string> Bodies => _bodies;

    /// <inheritdoc />
    protected override TransportResult Apply(ErpMessage message)
    {
        if (message.Operation == ErpOperation.Update && (message.ErpCode is null || !_bodies.ContainsKey(message.ErpCode)))
            return Reject([new Problem("", "fake.unknown_customer", $"Customer {message.ErpCode} does not exist.")]);
        var code = message.ErpCode ?? (_bodies.Count + 1).ToString(CultureInfo.InvariantCulture);
        _bodies[code] = message.Body;
        return new Delivered(code, message.Body);
    }
}
