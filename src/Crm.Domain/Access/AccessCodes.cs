namespace Crm.Domain.Access;

/// <summary>The stable problem codes of access (never change a shipped string: hosts and ERPs match on it).</summary>
public static class AccessCodes
{
    /// <summary><c>grant.duplicate</c>: grant duplicate.</summary>
    public const string GrantDuplicate = "grant.duplicate";

    /// <summary><c>grant.requires_access</c>: grant requires access.</summary>
    public const string GrantRequiresAccess = "grant.requires_access";

    /// <summary><c>grant.requires_view</c>: grant requires view.</summary>
    public const string GrantRequiresView = "grant.requires_view";

    /// <summary><c>grant.unknown</c>: grant unknown.</summary>
    public const string GrantUnknown = "grant.unknown";

    /// <summary><c>hierarchy.cycle</c>: hierarchy cycle.</summary>
    public const string HierarchyCycle = "hierarchy.cycle";

    /// <summary><c>hierarchy.manager.unknown</c>: hierarchy manager unknown.</summary>
    public const string HierarchyManagerUnknown = "hierarchy.manager.unknown";

    /// <summary><c>hierarchy.user.duplicate</c>: hierarchy user duplicate.</summary>
    public const string HierarchyUserDuplicate = "hierarchy.user.duplicate";

    /// <summary><c>name.required</c>: name required.</summary>
    public const string NameRequired = "name.required";

    /// <summary><c>name.too_long</c>: name too long.</summary>
    public const string NameTooLong = "name.too_long";

    /// <summary><c>standard.rename</c>: standard rename.</summary>
    public const string StandardRename = "standard.rename";

    /// <summary><c>user.activation.support_only</c>: user activation support only.</summary>
    public const string UserActivationSupportOnly = "user.activation.support_only";

    /// <summary><c>user.roles.required</c>: user roles required.</summary>
    public const string UserRolesRequired = "user.roles.required";

    /// <summary><c>user.support.deactivate</c>: user support deactivate.</summary>
    public const string UserSupportDeactivate = "user.support.deactivate";
}
