using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Problems;
using OneOf;

namespace Crm.Domain.Accounts.Registration;

/// <summary>A registration that passed every rule of its kind, with the warnings (duplicate alerts, IE prefix doubts) to show.</summary>
public sealed record ValidRegistration
{
    internal ValidRegistration(RegistrationKind kind, RegistrationData data, IReadOnlyList<Problem> warnings)
    {
        Kind = kind;
        Data = data;
        Warnings = warnings;
    }

    /// <summary>Whether it was validated as a lead or as an account.</summary>
    public RegistrationKind Kind { get; }

    /// <summary>The validated data.</summary>
    public RegistrationData Data { get; }

    /// <summary>Problems of severity <see cref="Severity.Warning"/>; empty when none.</summary>
    public IReadOnlyList<Problem> Warnings { get; }
}

/// <summary>The outcome of <see cref="RegistrationRules.Validate"/>: valid data, or every problem (errors and warnings) at once.</summary>
public sealed class RegistrationResult : OneOfBase<ValidRegistration, Invalid>
{
    private RegistrationResult(OneOf<ValidRegistration, Invalid> value) : base(value) { }

    /// <summary>Valid.</summary>
    public static implicit operator RegistrationResult(ValidRegistration value) => new(value);

    /// <summary>Invalid.</summary>
    public static implicit operator RegistrationResult(Invalid value) => new(value);

    /// <summary>True when the registration may be saved.</summary>
    public bool IsValid => IsT0;

    /// <summary>Every problem: the errors and warnings when invalid, the warnings when valid.</summary>
    public IReadOnlyList<Problem> Problems => Match(valid => valid.Warnings, invalid => invalid.Problems);
}
