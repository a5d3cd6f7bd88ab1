using Crm.Domain.Accounts;

namespace Crm.Domain.Integration.Eligibility;

/// <summary>
/// One rule an account must meet before it is sent to an ERP, e.g. "the short name has at most 12 characters". A failed rule
/// becomes a problem with the rule's <see cref="Code"/>, <see cref="Field"/> and a message. Pass static lambdas: the rule is
/// then evaluated without allocating.
/// </summary>
public sealed class EligibilityRule
{
    private readonly Func<Account, EligibilityContext, bool> _isMet;
    private readonly Func<Account, EligibilityContext, string>? _message;

    /// <summary>Creates a rule.</summary>
    /// <param name="code">A stable lowercase dotted code, e.g. <c>datasul.short_name.too_long</c>: segments in the alphabet of
    /// <see cref="ErpId"/> (<see cref="ErpId.IsCodeCharacter"/>), so <c>{erp id}.</c> can prefix it.</param>
    /// <param name="field">The field path it is about, as in registration problems (<c>short_name</c>).</param>
    /// <param name="description">The rule in words (Portuguese), also the message when <paramref name="message"/> is not given.</param>
    /// <param name="isMet">True when the account meets the rule.</param>
    /// <param name="message">The message of a failure, when it should quote the account (lengths, codes).</param>
    public EligibilityRule(string code, string field, string description, Func<Account, EligibilityContext, bool> isMet,
        Func<Account, EligibilityContext, string>? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(isMet);
        if (code.Split('.').Any(segment => segment.Length == 0 || !segment.All(ErpId.IsCodeCharacter)))
            throw new ArgumentException(
                $"Rule code '{code}' must be dotted segments of lowercase letters, digits, '-' or '_' (the ERP id alphabet).", nameof(code));
        Code = code;
        Field = field;
        Description = description;
        _isMet = isMet;
        _message = message;
    }

    /// <summary>The stable code of its failure.</summary>
    public string Code { get; }

    /// <summary>The field path it is about.</summary>
    public string Field { get; }

    /// <summary>The rule in words.</summary>
    public string Description { get; }

    /// <summary>True when <paramref name="account"/> meets the rule.</summary>
    public bool IsMet(Account account, EligibilityContext context) => _isMet(account, context);

    /// <summary>The message of a failure for <paramref name="account"/>.</summary>
    public string MessageFor(Account account, EligibilityContext context) => _message?.Invoke(account, context) ?? Description;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Description}";
}
