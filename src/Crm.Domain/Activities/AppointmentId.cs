namespace Crm.Domain.Activities;

/// <summary>Identifies an appointment; the engine mints it, storage restores it.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct AppointmentId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
