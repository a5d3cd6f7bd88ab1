using Crm.Domain.Access;
using Crm.Domain.Identity;
using Crm.Domain.Tenancy;

namespace Crm.Domain.Tests.Access;

/// <summary>Users for tests.</summary>
internal static class Users
{
    /// <summary>An active user (Freemium activates on arrival) with the given id.</summary>
    public static User Active(TenantId tenant, UserId? id = null) =>
        User.Arrive(id ?? new UserId(Guid.NewGuid()), tenant, $"u{Guid.NewGuid():N}", "Usuário de teste", null, Package.Freemium).AsT0;

    /// <summary>A user id made from a small number, so generated hierarchies read well.</summary>
    public static UserId Id(int n) => new(new Guid(n, 0, 0, new byte[8]));
}
