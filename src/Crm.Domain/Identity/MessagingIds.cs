namespace Crm.Domain.Identity;

/// <summary>Identifies the SMTP settings of a company/branch.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct SmtpSettingsId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}

/// <summary>Identifies the FTP settings of a company/branch.</summary>
/// <param name="Value">The underlying Guid.</param>
public readonly record struct FtpSettingsId(Guid Value)
{
    /// <summary>The underlying Guid.</summary>
    public Guid Value { get; } = Value;
}
