using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Persistence.Model;
using Crm.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;

namespace Crm.Persistence.Tests.Saving;

/// <summary>
/// Rows of any entity type of the model, from a seed: plain row classes get a random value for every property the model
/// maps (within its column's length, null at times when nullable, keys unique per row); accounts and leads come from the
/// registration fixtures. The same seed gives the same rows.
/// </summary>
internal static class Generated
{
    private const string Letters = "abcdefghXYZ0189çãéÚ ";
    private static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>Whether <see cref="Rows"/> can make rows of <paramref name="type"/>.</summary>
    public static bool CanCreate(IEntityType type) =>
        type.ClrType == typeof(Account) || type.ClrType == typeof(Lead)
        || (type.ClrType.GetConstructor(Type.EmptyTypes) is not null && !type.GetComplexProperties().Any()
            && type.GetProperties().Where(p => !p.IsShadowProperty()).All(p => Settable(p) && Value(p, new Random(0), 0) is not Unsupported)
            && type.FindPrimaryKey()!.Properties.Any(p => p.ClrType != typeof(TenantId) && Unique(p.ClrType)));

    /// <summary><paramref name="count"/> rows of each of <paramref name="types"/>, type after type.</summary>
    public static IEnumerable<object> Rows(IEnumerable<IEntityType> types, TenantId tenant, int count, int seed)
    {
        var random = new Random(seed);
        foreach (var type in types)
            for (var i = 0; i < count; i++)
                yield return type.ClrType == typeof(Account)
                    ? Account.Register(new AccountId(Id(random)), tenant, Records.Valid(Records.Company(1_000 + i), RegistrationKind.Account), Records.Ana, Records.Clock())
                    : type.ClrType == typeof(Lead)
                    ? Lead.Register(new LeadId(Id(random)), tenant, Records.Valid(Records.Company(2_000 + i), RegistrationKind.Lead), Records.Ana, Records.Clock())
                    : Row(type, tenant, random, i);
    }

    private static object Row(IEntityType type, TenantId tenant, Random random, int index)
    {
        var row = Activator.CreateInstance(type.ClrType)!;
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var value = property.ClrType == typeof(TenantId) ? tenant : Value(property, random, property.IsKey() ? index : null);
            if (property.PropertyInfo is { CanWrite: true } info)
                info.SetValue(row, value);
            else
                property.FieldInfo!.SetValue(row, value);
        }
        return row;
    }

    private static Guid Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static bool Settable(IProperty property) => property.PropertyInfo is { CanWrite: true } || property.FieldInfo is not null;

    private static bool Unique(Type type) => Nullable.GetUnderlyingType(type) is null
        && (type == typeof(string) || type == typeof(Guid) || type == typeof(int) || type == typeof(long) || IsId(type) || type == typeof(LocalDate) || type == typeof(Instant));

    private static bool IsId(Type type) => type.IsValueType && type.GetConstructor([typeof(Guid)]) is not null && type.GetProperty("Value")?.PropertyType == typeof(Guid);

    private sealed class Unsupported;

    // A key property's value is made unique by its row's index.
    private static object? Value(IProperty property, Random random, int? index)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (index is null && property.IsNullable && random.Next(4) == 0)
            return null;
        if (type == typeof(string))
        {
            var max = Math.Min(property.GetMaxLength() ?? 24, 24);
            var prefix = index is { } i ? $"{i}-" : "";
            var text = prefix + new string([.. Enumerable.Range(0, random.Next(1, Math.Max(2, max - prefix.Length + 1))).Select(_ => Letters[random.Next(Letters.Length)])]);
            text = text[..Math.Min(text.Length, max)].Trim();
            text = text.Length == 0 ? "x" : text;
            // A document is an empty list: valid JSON for jsonb, and an order's item document the save reads.
            return property.FindAnnotation(AggregateMapping.JsonDocument) is null ? text : "[]";
        }
        if (type == typeof(Guid) || IsId(type))
            return type == typeof(Guid) ? Id(random) : Activator.CreateInstance(type, Id(random));
        if (type == typeof(decimal))
            return new decimal(random.Next(), 0, 0, random.Next(3) == 0, (byte)random.Next(0, 5));
        if (type == typeof(int))
            return index ?? random.Next(-1_000, 1_000_000);
        if (type == typeof(long))
            return (long?)index ?? random.NextInt64(-1_000, 10_000_000_000);
        if (type == typeof(bool))
            return random.Next(2) == 0;
        if (type.IsEnum)
            return Enum.GetValues(type).GetValue(random.Next(Enum.GetValues(type).Length));
        if (type == typeof(LocalDate))
            return new LocalDate(2026, 1, 1).PlusDays(index ?? random.Next(-3_000, 3_000));
        if (type == typeof(Instant))
            return Epoch + Duration.FromSeconds(index ?? random.Next()) + Duration.FromTicks(random.Next(1_000_000) * 10L);
        if (type == typeof(Duration))
            return Duration.FromSeconds(random.Next(0, 1_000_000));
        return new Unsupported();
    }
}
