using Crm.Persistence.PostgreSql;

// In the namespace of the builders it extends, so UsePostgres is found wherever CrmPersistenceOptions is.
namespace Crm.Persistence;

/// <summary>Chooses PostgreSQL for Crm.Sdk's data.</summary>
public static class CrmPostgresExtensions
{
    /// <summary>
    /// Stores the data in the PostgreSQL database of <paramref name="connectionString"/> (an Npgsql connection string).
    /// Set <see cref="CrmPersistenceOptions.KeyRingFolder"/> too: a server has no file to keep the key ring next to.
    /// </summary>
    /// <param name="builder">The persistence options, or a builder holding them.</param>
    /// <param name="connectionString">The database's connection string.</param>
    /// <typeparam name="T">The builder's type, returned for chaining.</typeparam>
    public static T UsePostgres<T>(this T builder, string connectionString)
        where T : ICrmDatabaseBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Database.UseProvider(new PostgresProvider(connectionString));
        return builder;
    }
}
