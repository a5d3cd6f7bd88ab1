namespace Crm.Domain.Problems;

/// <summary>How serious a <see cref="Problem"/> is.</summary>
public enum Severity
{
    /// <summary>The input is rejected.</summary>
    Error,

    /// <summary>The input is accepted, but something looks wrong and deserves a look (for example an unusual IE prefix).</summary>
    Warning,
}

/// <summary>
/// One thing wrong with an input: which field, a stable English code that programs can switch on,
/// and a message for people (Portuguese where it is shown to end users).
/// </summary>
/// <param name="Field">The field (or document kind) the problem is about, e.g. <c>cnpj</c> or <c>addresses[2].cep</c>.</param>
/// <param name="Code">A stable identifier such as <c>registry.check_digit</c>; never translated, never reworded.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="Severity">Whether the problem rejects the input or only warns.</param>
public sealed record Problem(string Field, string Code, string Message, Severity Severity = Severity.Error)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Code} — {Message}";
}
