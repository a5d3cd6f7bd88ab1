using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Persistence;
using NodaTime;
using Npgsql;

namespace Crm.Benchmarks.Persistence;

/// <summary>Fresh benchmark databases (a SQLite temp file, or a new database on CRM_TEST_POSTGRES) and sample accounts.</summary>
internal static class BenchmarkDatabase
{
    public static readonly TenantId Tenant = new(Guid.Parse("be000000-0000-4000-8000-000000000001"));

    public static (CrmDatabase Database, Func<Task> Drop) Create(string provider) => provider switch
    {
        "sqlite" => Sqlite(),
        _ => Postgres(),
    };

    private static (CrmDatabase, Func<Task>) Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("crm-bench-");
        var database = new CrmDatabase(new CrmPersistenceOptions().UseSqlite(Path.Combine(folder.FullName, "crm.db")));
        database.MigrateAsync().GetAwaiter().GetResult();
        return (database, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    private static (CrmDatabase, Func<Task>) Postgres()
    {
        var server = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set CRM_TEST_POSTGRES (source scripts/postgres.sh) to benchmark PostgreSQL.");
        var name = $"crm_b_{Guid.NewGuid():N}";
        Admin(server, $"CREATE DATABASE {name}");
        var database = new CrmDatabase(new CrmPersistenceOptions().UsePostgres(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString));
        database.MigrateAsync().GetAwaiter().GetResult();
        return (database, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Admin(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            return Task.CompletedTask;
        });
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A valid account with three addresses and two phones; the CNPJ root is <paramref name="i"/> and its check digits
    /// are found by the registry's validator.
    /// </summary>
    public static Account Account(int i, UserId owner, CompanyId company, IClock clock) => Crm.Domain.Accounts.Account.Register(
        new AccountId(Guid.NewGuid()), Tenant, RegistrationRules.Validate(new RegistrationForm
        {
            Kind = PersonKind.Juridica,
            LegalName = $"Cliente {i:D7} Comércio Ltda",
            ShortName = $"C{i:D7}",
            TaxId = Enumerable.Range(0, 100).Select(dv => $"{i:D8}0001{dv:D2}").First(Crm.Domain.Registry.Cnpj.IsValid),
            Owner = owner,
            Company = company,
            Addresses =
            [
                new AddressForm(AddressKind.Correspondence, "Av. Paulista", $"{i % 5000}", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
                new AddressForm(AddressKind.Billing, "Av. Paulista", $"{i % 5000}", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308"),
                new AddressForm(AddressKind.Delivery, "Rua Augusta", $"{i % 3000}", null, "Consolação", "São Paulo", "SP", "01305-000", "3550308", null, true),
            ],
            Phones = [new PhoneForm(PhoneType.TelefoneErp1, $"(11) 3{i % 1000:D3}-{i % 10000:D4}"), new PhoneForm(PhoneType.Mobile, "(11) 98765-4321")],
            Emails = [new EmailForm($"compras{i}@cliente.com.br")],
        }, new RegistrationContext(AccountSettings.Default, RegistrationKind.Account)).AsT0, owner, clock);

    /// <summary>Writes <paramref name="accounts"/> in batches, one short-lived context (unit of work) per batch.</summary>
    public static async Task InsertAsync(CrmDatabase database, IReadOnlyList<Account> accounts, int batch = 2_000)
    {
        for (var start = 0; start < accounts.Count; start += batch)
        {
            await using var db = database.Open(Tenant);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Accounts.AddRange(accounts.Skip(start).Take(batch));
            var saved = await db.SaveAsync();
            if (!saved.IsSaved)
                throw new InvalidOperationException(saved.ToString());
        }
    }
}
