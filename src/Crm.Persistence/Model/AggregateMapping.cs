using System.Linq.Expressions;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Persistence.Model;

/// <summary>What every aggregate table shares: the tenant in the key, the named tenant filter and the version column.</summary>
internal static class AggregateMapping
{
    /// <summary>The named query filter that keeps every query inside the session's tenant.</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>The shadow column incremented on every save of the aggregate (optimistic concurrency token).</summary>
    public const string Version = "Version";

    private const string TenantPropertyAnnotation = "Crm:TenantProperty";

    /// <summary>An index led by the tenant (every query filters on it first), then <paramref name="properties"/>.</summary>
    public static IndexBuilder<T> HasTenantIndex<T>(this EntityTypeBuilder<T> builder, params string[] properties)
        where T : class =>
        builder.HasIndex([(string)builder.Metadata.FindAnnotation(TenantPropertyAnnotation)!.Value!, .. properties]);

    /// <summary>The column every row carries its tenant in.</summary>
    public const string TenantColumn = "TenantId";

    /// <summary>
    /// Maps <typeparamref name="T"/> as an aggregate: key (tenant, id) so that an UPDATE or DELETE names the tenant in its
    /// WHERE clause and cannot reach another tenant's row even for a forged id; the tenant filter; the version token.
    /// </summary>
    public static EntityTypeBuilder<T> IsAggregate<T, TId>(this EntityTypeBuilder<T> builder, string table,
        Expression<Func<T, TenantId>> tenant, Expression<Func<T, TId>> id, CrmDbContext context)
        where T : class
    {
        var tenantName = ((MemberExpression)tenant.Body).Member.Name;
        builder.Property(tenant).HasColumnName(TenantColumn);
        return builder.Aggregate(table, tenantName, id, Expression.Lambda<Func<T, bool>>(
            Expression.Equal(tenant.Body, Expression.Property(Expression.Constant(context), nameof(CrmDbContext.Tenant))),
            tenant.Parameters));
    }

    /// <summary>
    /// Maps <typeparamref name="T"/> as an aggregate whose domain type does not carry its tenant (a base card belongs to
    /// a board): the tenant is a shadow column filled from the session on insert, otherwise exactly as <see cref="IsAggregate"/>.
    /// </summary>
    public static EntityTypeBuilder<T> IsBoardOwnedAggregate<T, TId>(this EntityTypeBuilder<T> builder, string table,
        Expression<Func<T, TId>> id, CrmDbContext context)
        where T : class
    {
        builder.Property<TenantId>(TenantColumn).HasValueGenerator((_, _) => new SessionTenant());
        return builder.Aggregate(table, TenantColumn, id, e => EF.Property<TenantId>(e, TenantColumn) == context.Tenant);
    }

    private static EntityTypeBuilder<T> Aggregate<T, TId>(this EntityTypeBuilder<T> builder, string table, string tenantName,
        Expression<Func<T, TId>> id, Expression<Func<T, bool>> tenantFilter)
        where T : class
    {
        builder.ToTable(table);
        var idName = ((MemberExpression)id.Body).Member.Name;
        builder.Property(id).ValueGeneratedNever();
        if (tenantName == idName)
            builder.HasKey(idName);
        else
            builder.HasKey(tenantName, idName);
        builder.Property<long>(Version).IsConcurrencyToken();
        builder.HasAnnotation(TenantPropertyAnnotation, tenantName);
        builder.HasQueryFilter(TenantFilter, tenantFilter);
        return builder;
    }
}

/// <summary>Fills a shadow tenant column with the tenant of the session that adds the row.</summary>
internal sealed class SessionTenant : Microsoft.EntityFrameworkCore.ValueGeneration.ValueGenerator<TenantId>
{
    public override bool GeneratesTemporaryValues => false;

    public override TenantId Next(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => ((CrmDbContext)entry.Context).Tenant;
}
