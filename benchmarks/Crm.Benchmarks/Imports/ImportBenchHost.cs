using System.Data.Common;
using System.Text.RegularExpressions;
using Crm.Benchmarks.Engine;
using Crm.Domain.Access;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Identity;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Crm.Persistence;
using Crm.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.Benchmarks.Imports;

/// <summary>
/// The databases of the customer import benchmarks, on SQLite or PostgreSQL: a template made once per run (migrated, the
/// tenant provisioned, a Diretor who may import), and a fresh copy of it per iteration (a file copy; PostgreSQL's
/// <c>CREATE DATABASE … TEMPLATE</c>), with an engine over it.
/// </summary>
internal sealed partial class ImportBenchHost : IAsyncDisposable
{
    public const string Sqlite = "SQLite";
    public const string Postgres = "PostgreSQL";
    public static readonly UserId Importer = new(Guid.Parse("be000000-0000-4000-8000-0000000000d3"));

    private readonly string _provider;
    private readonly string _template;
    private readonly string _keys = Directory.CreateTempSubdirectory("crm-bench-import-keys-").FullName;
    private string? _copy;
    private ServiceProvider? _services;

    private ImportBenchHost(string provider, string template) => (_provider, _template) = (provider, template);

    /// <summary>The engine over the current copy (<see cref="FreshAsync"/>).</summary>
    public CrmEngine Engine { get; private set; } = null!;

    /// <summary>The importer's session on the current copy.</summary>
    public CrmSession Session => Engine.Session(EngineHost.Tenant, Importer);

    /// <summary>A host whose template is migrated and provisioned.</summary>
    public static async Task<ImportBenchHost> CreateAsync(string provider)
    {
        var host = new ImportBenchHost(provider, provider == Sqlite
            ? Path.Combine(Directory.CreateTempSubdirectory("crm-bench-import-").FullName, "template.db")
            : $"crm_bench_import_{Guid.NewGuid():N}");
        if (provider == Postgres)
            await BenchPostgres.AdminAsync($"CREATE DATABASE {host._template}");
        host.Open(host._template);
        await host.Engine.MigrateAsync();
        EngineHost.Ok(await host.Engine.Tenants.ProvisionAsync(EngineHost.Tenant, "Benchmark", Crm.Domain.Tenancy.Package.Freemium));
        await using (var db = host.Engine.Database.Open(EngineHost.Tenant))
        {
            var support = db.Users.Single(u => u.Login == Crm.Domain.Access.User.SupportLogin).Id;
            var diretor = db.Roles.Single(r => r.Name == StandardRoles.Diretor.Name).Id;
            EngineHost.Ok(await host.Engine.Tenants.AddUserAsync(EngineHost.Tenant, Importer, "importador", "Importador", "importador@bench.com.br"));
            EngineHost.Ok(await host.Engine.Tenants.AssignRolesAsync(EngineHost.Tenant, support, Importer, [diretor]));
        }
        // The import requires a client type: the file's REV.
        var (revenda, cliente) = (MasterDataCode.Of("REV"), MasterDataCode.Of("CLI"));
        EngineHost.Ok(await host.Session.Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")], [new AccountType(cliente, "Cliente", IntegratesWithErp: true)], [(revenda, cliente)])));
        await host.CloseAsync();
        return host;
    }

    /// <summary>A new copy of the template, and an engine over it (the previous copy is dropped).</summary>
    public async Task FreshAsync()
    {
        await DropAsync();
        if (_provider == Sqlite)
        {
            _copy = Path.Combine(Path.GetDirectoryName(_template)!, $"run-{Guid.NewGuid():N}.db");
            File.Copy(_template, _copy);
        }
        else
        {
            _copy = $"crm_bench_import_run_{Guid.NewGuid():N}";
            await BenchPostgres.EndConnectionsAsync(_template);
            await BenchPostgres.AdminAsync($"CREATE DATABASE {_copy} TEMPLATE {_template}");
        }
        Open(_copy);
    }

    /// <summary>A raw ADO.NET connection to the current copy, opened.</summary>
    public async Task<DbConnection> ConnectAsync()
    {
        DbConnection connection = _provider == Sqlite ? new SqliteConnection($"Data Source={_copy}") : new NpgsqlConnection(BenchPostgres.Connection(_copy!));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Every row of <paramref name="tables"/> in the current copy, with each column's name and store type.</summary>
    public async Task<List<TableRows>> ReadAsync(IEnumerable<string> tables)
    {
        await using var connection = await ConnectAsync();
        var read = new List<TableRows>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), Facets().Replace(reader.GetDataTypeName(i), ""))).ToArray();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add(row);
            }
            read.Add(new TableRows(table, columns, rows));
        }
        return read;
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        if (_provider == Postgres)
            await BenchPostgres.AdminAsync($"DROP DATABASE IF EXISTS {_template} WITH (FORCE)");
        else
            Directory.Delete(Path.GetDirectoryName(_template)!, recursive: true);
        Directory.Delete(_keys, recursive: true);
    }

    /// <summary>A CSV of <paramref name="customers"/> valid customers, each with its own CNPJ, names, phones and e-mail.</summary>
    public static string WriteCsv(int customers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crm-bench-import-{customers}-{Guid.NewGuid():N}.csv");
        using var file = File.Create(path);
        CustomerExport.Write(file, ImportFormat.Csv, Enumerable.Range(1, customers).Select(n =>
            new CustomerRow(n + 1, new CustomerKey($"C{n}", "DATASUL"), EngineForms.Company(n, Importer) with { ClientType = "REV" }, null)));
        return path;
    }

    private void Open(string database)
    {
        _services = new ServiceCollection().AddCrm(crm =>
        {
            if (_provider == Sqlite)
                crm.UseSqlite(database);
            else
            {
                crm.UsePostgres(BenchPostgres.Connection(database));
                crm.Database.KeyRingFolder = _keys;
            }
        }).BuildServiceProvider();
        Engine = _services.GetRequiredService<CrmEngine>();
    }

    private async Task CloseAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        _services = null;
        if (_provider == Sqlite)
            SqliteConnection.ClearAllPools();
        else
            NpgsqlConnection.ClearAllPools();
    }

    private async Task DropAsync()
    {
        await CloseAsync();
        if (_copy is null)
            return;
        if (_provider == Sqlite)
            foreach (var file in new[] { _copy, _copy + "-wal", _copy + "-shm" })
                File.Delete(file);
        else
            await BenchPostgres.AdminAsync($"DROP DATABASE IF EXISTS {_copy} WITH (FORCE)");
        _copy = null;
    }

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Facets();
}

/// <summary>A table's rows as the database returned them, with its columns' names and store types (no length facets).</summary>
internal sealed record TableRows(string Table, (string Name, string Type)[] Columns, List<object?[]> Rows);
