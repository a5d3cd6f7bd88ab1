using Crm.Domain.Access;
using Crm.Domain.Problems;

namespace Crm.Sdk;

/// <summary>
/// The session's user may not do this: nothing was read or written. Names the module and the action (a
/// <see cref="Permission"/> flag) that was refused, and why (<see cref="Code"/>).
/// </summary>
/// <param name="Module">The module of the use case.</param>
/// <param name="Action">The permission the use case needs there.</param>
/// <param name="Code">Why: <see cref="PermissionCode"/>, <see cref="ScopeCode"/>, <see cref="InactiveCode"/>, <see cref="UnknownUserCode"/>,
/// <see cref="BoardCode"/> or <see cref="PlatformCode"/>.</param>
/// <param name="Message">The refusal for people (Portuguese).</param>
public sealed record Denied(Module Module, Permission Action, string Code, string Message)
{
    /// <summary>None of the user's roles grants the action on the module.</summary>
    public const string PermissionCode = "access.permission_denied";

    /// <summary>The record would be placed outside what the user sees (another owner, company or branch).</summary>
    public const string ScopeCode = "access.out_of_scope";

    /// <summary>The user is inactive.</summary>
    public const string InactiveCode = "access.user_inactive";

    /// <summary>The user is not a user of the tenant.</summary>
    public const string UnknownUserCode = "access.user_unknown";

    /// <summary>The board is not released to the user.</summary>
    public const string BoardCode = "access.board_not_released";

    /// <summary>Only the platform (Admin reach) or CRM support may do this.</summary>
    public const string PlatformCode = "access.platform_only";

    /// <summary>The refusal as a problem a form can show.</summary>
    public Problem ToProblem() => new("", Code, Message);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Module}.{Action} — {Message}";
}
