using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;

namespace Crm.Domain.Integration;

/// <summary>
/// The longest text an ERP field stores, e.g. Datasul <c>emitente.nome-abrev</c> 12 or Protheus <c>A1_NOME</c> 40.
/// </summary>
/// <param name="ErpField">The ERP's own field name (<c>emitente.nome-abrev</c>, <c>SA1.A1_NOME</c>).</param>
/// <param name="PayloadPath">Where the value sits in the serialized payload: property names joined by dots, <c>[]</c> after an
/// array (<c>DeliveryPlaces[].Address</c>).</param>
/// <param name="MaxLength">The longest value accepted.</param>
/// <param name="CrmField">The registration field it receives, when one maps to it one to one; such a limit becomes part of
/// the ERP's <see cref="ErpFieldRequirements"/>.</param>
public sealed record FieldLimit(string ErpField, string PayloadPath, int MaxLength, RegistrationField? CrmField = null);

/// <summary>An adapter's field limits, with the requirements they put on registrations.</summary>
public sealed class FieldLimits
{
    private readonly FieldLimit[] _limits;

    /// <summary>Creates the set; each payload path appears once and every length is positive.</summary>
    public FieldLimits(IEnumerable<FieldLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = [.. limits];
        foreach (var limit in _limits)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.MaxLength);
        if (_limits.GroupBy(l => l.PayloadPath).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Payload path {twice.Key} is limited twice.", nameof(limits));
    }

    /// <summary>Every limit.</summary>
    public IReadOnlyList<FieldLimit> All => _limits;

    /// <summary>The limit of <paramref name="field"/> when the ERP stores it as is; null when it does not limit it.</summary>
    public int? Of(RegistrationField field) =>
        _limits.Where(l => l.CrmField == field).Select(l => (int?)l.MaxLength).Min();

    /// <summary>
    /// The requirements to apply on registration when the tenant turns on "consider the ERP's mandatory fields":
    /// <paramref name="required"/> and the lengths of the limits that map to a registration field.
    /// </summary>
    public ErpFieldRequirements Requirements(string erpName, IEnumerable<RegistrationField> required) =>
        new(erpName, required, _limits.Where(l => l.CrmField is not null)
            .GroupBy(l => l.CrmField!.Value)
            .ToDictionary(g => g.Key, g => g.Min(l => l.MaxLength)));
}
