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

    /// <summary>
    /// Marks a text column that holds a JSON document read and written whole; a provider whose engine has a document type
    /// (PostgreSQL's <c>jsonb</c>) gives it that type (<see cref="JsonDocumentColumns"/>).
    /// </summary>
    public const string JsonDocument = "Crm:JsonDocument";

    /// <summary>The properties of <paramref name="model"/> marked as <see cref="JsonDocument"/>.</summary>
    public static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IMutableProperty> JsonDocumentColumns(
        Microsoft.EntityFrameworkCore.Metadata.IMutableModel model) =>
        model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.FindAnnotation(JsonDocument) is not null);

    /// <summary>The property that holds the tenant of an aggregate's rows; null for a type that is not an aggregate.</summary>
    public static string? TenantPropertyOf(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        (string?)type.FindAnnotation(TenantPropertyAnnotation)?.Value;

    /// <summary>An index led by the tenant (every query filters on it first), then <paramref name="properties"/>.</summary>
    public static IndexBuilder<T> HasTenantIndex<T>(this EntityTypeBuilder<T> builder, params string[] properties)
        where T : class =>
        builder.HasIndex([TenantPropertyOf(builder.Metadata)!, .. properties]);

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
        return builder.Aggregate(table, tenantName, MemberNames(id.Body), TenantEquals(tenant, context));
    }

    /// <summary>
    /// Maps <typeparamref name="T"/> as an aggregate whose domain type does not carry its tenant (a base card, a user's
    /// filters: they belong to a board): the tenant is a shadow column filled from the session on insert, otherwise
    /// exactly as <see cref="IsAggregate"/>. <paramref name="key"/> names the key after the tenant: <c>x =&gt; x.Id</c> or
    /// <c>x =&gt; new { x.User, x.Board }</c>.
    /// </summary>
    public static EntityTypeBuilder<T> IsBoardOwnedAggregate<T>(this EntityTypeBuilder<T> builder, string table,
        Expression<Func<T, object?>> key, CrmDbContext context)
        where T : class
    {
        builder.Property<TenantId>(TenantColumn).HasValueGenerator((_, _) => new SessionTenant());
        return builder.Aggregate(table, TenantColumn, MemberNames(key.Body),
            e => EF.Property<TenantId>(e, TenantColumn) == context.Tenant);
    }

    /// <summary>
    /// Maps rows whose domain type does not carry its tenant and that have no version (catalog rows, replaced by key in
    /// batches): the tenant is a shadow column filled from the session, in the key, with the tenant filter.
    /// </summary>
    public static EntityTypeBuilder<T> IsCatalogRows<T>(this EntityTypeBuilder<T> builder, string table,
        Expression<Func<T, object?>> key, CrmDbContext context)
        where T : class
    {
        builder.Property<TenantId>(TenantColumn).HasValueGenerator((_, _) => new SessionTenant());
        return builder.TenantRows(table, TenantColumn, MemberNames(key.Body),
            e => EF.Property<TenantId>(e, TenantColumn) == context.Tenant);
    }

    /// <summary>
    /// Maps rows that belong to an aggregate and are written with it (no version of their own): the tenant in the key,
    /// the tenant filter, the cross-tenant check of <see cref="CrmDbContext.SaveAsync"/>.
    /// </summary>
    public static EntityTypeBuilder<T> IsTenantRows<T>(this EntityTypeBuilder<T> builder, string table,
        Expression<Func<T, TenantId>> tenant, Expression<Func<T, object?>> key, CrmDbContext context)
        where T : class
    {
        var tenantName = ((MemberExpression)tenant.Body).Member.Name;
        builder.Property(tenant).HasColumnName(TenantColumn);
        return builder.TenantRows(table, tenantName, MemberNames(key.Body), TenantEquals(tenant, context));
    }

    private static Expression<Func<T, bool>> TenantEquals<T>(Expression<Func<T, TenantId>> tenant, CrmDbContext context) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.Equal(tenant.Body, Expression.Property(Expression.Constant(context), nameof(CrmDbContext.Tenant))),
            tenant.Parameters);

    private static EntityTypeBuilder<T> Aggregate<T>(this EntityTypeBuilder<T> builder, string table, string tenantName,
        string[] keyNames, Expression<Func<T, bool>> tenantFilter)
        where T : class
    {
        builder.TenantRows(table, tenantName, keyNames, tenantFilter);
        builder.Property<long>(Version).IsConcurrencyToken();
        return builder;
    }

    private static EntityTypeBuilder<T> TenantRows<T>(this EntityTypeBuilder<T> builder, string table, string tenantName,
        string[] keyNames, Expression<Func<T, bool>> tenantFilter)
        where T : class
    {
        builder.ToTable(table);
        foreach (var name in keyNames)
            builder.Property(name).ValueGeneratedNever();
        builder.HasKey(keyNames.Contains(tenantName) ? keyNames : [tenantName, .. keyNames]);
        builder.HasAnnotation(TenantPropertyAnnotation, tenantName);
        builder.HasQueryFilter(TenantFilter, tenantFilter);
        return builder;
    }

    // x => x.Id (boxed or not) or x => new { x.A, x.B }.
    private static string[] MemberNames(Expression body) => body switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } boxed => MemberNames(boxed.Operand),
        MemberExpression member => [member.Member.Name],
        NewExpression anonymous => [.. anonymous.Arguments.Select(a => ((MemberExpression)a).Member.Name)],
        _ => throw new ArgumentException($"Not a member or an anonymous type of members: {body}.", nameof(body)),
    };
}

/// <summary>Fills a shadow tenant column with the tenant of the session that adds the row.</summary>
internal sealed class SessionTenant : Microsoft.EntityFrameworkCore.ValueGeneration.ValueGenerator<TenantId>
{
    public override bool GeneratesTemporaryValues => false;

    public override TenantId Next(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => ((CrmDbContext)entry.Context).Tenant;
}
