namespace Crm.Domain.Servers;

/// <summary>The stable problem codes of the company's mail and file servers (never change a shipped string: hosts and ERPs match on it).</summary>
public static class ServerCodes
{
    /// <summary><c>display_name.too_long</c>: display name too long.</summary>
    public const string DisplayNameTooLong = "display_name.too_long";

    /// <summary><c>folder.invalid</c>: folder invalid.</summary>
    public const string FolderInvalid = "folder.invalid";

    /// <summary><c>host.invalid</c>: host invalid.</summary>
    public const string HostInvalid = "host.invalid";

    /// <summary><c>host.required</c>: host required.</summary>
    public const string HostRequired = "host.required";

    /// <summary><c>password.required</c>: password required.</summary>
    public const string PasswordRequired = "password.required";

    /// <summary><c>port.out_of_range</c>: port out of range.</summary>
    public const string PortOutOfRange = "port.out_of_range";

    /// <summary><c>port.required</c>: port required.</summary>
    public const string PortRequired = "port.required";

    /// <summary><c>protocol.unknown</c>: protocol unknown.</summary>
    public const string ProtocolUnknown = "protocol.unknown";

    /// <summary><c>secure_connection.required</c>: secure connection required.</summary>
    public const string SecureConnectionRequired = "secure_connection.required";

    /// <summary><c>send_delay.out_of_range</c>: send delay out of range.</summary>
    public const string SendDelayOutOfRange = "send_delay.out_of_range";

    /// <summary><c>smtp.primary.duplicate</c>: smtp primary duplicate.</summary>
    public const string SmtpPrimaryDuplicate = "smtp.primary.duplicate";

    /// <summary><c>transfer_method.unknown</c>: transfer method unknown.</summary>
    public const string TransferMethodUnknown = "transfer_method.unknown";

    /// <summary><c>user.required</c>: user required.</summary>
    public const string UserRequired = "user.required";

    /// <summary><c>user.too_long</c>: user too long.</summary>
    public const string UserTooLong = "user.too_long";
}
