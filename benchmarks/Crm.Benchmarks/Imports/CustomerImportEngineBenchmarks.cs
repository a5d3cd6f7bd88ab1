using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Crm.Benchmarks.Engine;
using Crm.Imports.Customers;
using Crm.Imports.Reading;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crm.Benchmarks.Imports;

/// <summary>
/// Issue 15's bulk path: <see cref="Customers"/> valid customers (distinct CNPJs, names, phones, e-mails) imported from a CSV
/// through the engine (<c>session.Imports.CustomersAsync</c>: read, mapped, judged by the registration and duplicate rules
/// against the database, saved in batches of 500 with their import keys and duplicate keys), side by side with the same
/// rows written raw into the same tables — prepared INSERTs reused per row on SQLite, binary COPY on PostgreSQL — in
/// transactions of the same 500 customers. The raw rows are the ones a reference import wrote (read back in the set-up),
/// so both write exactly the same data. Each iteration starts from an empty copy of a provisioned database.
/// Target: the engine within 2× of raw.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImportRunConfig))]
public class CustomerImportEngineBenchmarks
{
    private static readonly string[] Tables = ["Accounts", "AccountImportKeys", "DuplicateKeys", "OutboxMessages"];
    private const int Batch = 500;

    private ImportBenchHost _host = null!;
    private string _csv = null!;
    private List<TableRows> _rows = null!;

    /// <summary>Customers in the file.</summary>
    [Params(10_000, 100_000)]
    public int Customers { get; set; }

    /// <summary>The database.</summary>
    [Params(ImportBenchHost.Sqlite, ImportBenchHost.Postgres)]
    public string Provider { get; set; } = ImportBenchHost.Sqlite;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await ImportBenchHost.CreateAsync(Provider);
        _csv = ImportBenchHost.WriteCsv(Customers);
        await _host.FreshAsync();
        await EngineAsync();
        _rows = [.. (await _host.ReadAsync(Tables)).Where(t => t.Rows.Count > 0)];
        Console.WriteLine($"// raw rows: {string.Join(", ", _rows.Select(t => $"{t.Table} {t.Rows.Count:N0}"))}");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        File.Delete(_csv);
    }

    [IterationSetup]
    public void Fresh() => _host.FreshAsync().GetAwaiter().GetResult();

    /// <summary>The import through the engine.</summary>
    [Benchmark]
    public Task<int> Engine() => EngineAsync();

    /// <summary>The same rows written raw into the same tables.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Raw()
    {
        await using var connection = await _host.ConnectAsync();
        var batches = (Customers + Batch - 1) / Batch;
        var written = 0;
        var commands = connection is SqliteConnection ? _rows.Select(t => Prepared(connection, t)).ToList() : null;
        for (var b = 0; b < batches; b++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            for (var t = 0; t < _rows.Count; t++)
            {
                var table = _rows[t];
                var (from, to) = (table.Rows.Count * b / batches, table.Rows.Count * (b + 1) / batches);
                written += commands is null
                    ? await CopyAsync((NpgsqlConnection)connection, table, from, to)
                    : await InsertAsync(commands[t], transaction, table, from, to);
            }
            await transaction.CommitAsync();
        }
        foreach (var command in commands ?? [])
            await command.DisposeAsync();
        return written;
    }

    private async Task<int> EngineAsync()
    {
        await using var file = File.OpenRead(_csv);
        var summary = EngineHost.Ok(await _host.Session.Imports.CustomersAsync(file, ImportFormat.Csv, new CustomerImportOptions { BatchSize = Batch }));
        return summary.Created == Customers ? summary.Created
            : throw new InvalidOperationException($"{summary.Created} of {Customers} created: {string.Join("; ", summary.Problems.Take(5))}");
    }

    private static DbCommand Prepared(DbConnection connection, TableRows table)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table.Table}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<int> InsertAsync(DbCommand command, DbTransaction transaction, TableRows table, int from, int to)
    {
        command.Transaction = transaction;
        for (var r = from; r < to; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Length; c++)
                command.Parameters[c].Value = row[c] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
        return to - from;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, TableRows table, int from, int to)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Table}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        for (var r = from; r < to; r++)
        {
            await importer.StartRowAsync();
            for (var c = 0; c < table.Columns.Length; c++)
                if (table.Rows[r][c] is { } value and not DBNull)
                    await importer.WriteAsync(value, table.Columns[c].Type);
                else
                    await importer.WriteNullAsync();
        }
        await importer.CompleteAsync();
        return to - from;
    }
}

/// <summary>
/// A customer import's dry run (read, mapped, judged by every rule against the database, nothing written) at 10⁵ and 10⁶
/// CSV rows on SQLite: the allocation per row and the peak working set and managed heap, sampled after each batch and
/// printed as "// peak", do not grow with the file (memory holds one batch).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ImportRunConfig.Once))]
public class CustomerImportDryRunBenchmarks
{
    private ImportBenchHost _host = null!;
    private string _csv = null!;

    /// <summary>Customers in the file.</summary>
    [Params(100_000, 1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await ImportBenchHost.CreateAsync(ImportBenchHost.Sqlite);
        _csv = ImportBenchHost.WriteCsv(Customers);
        await _host.FreshAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _host.DisposeAsync();
        File.Delete(_csv);
    }

    [Benchmark]
    public async Task<int> DryRun()
    {
        var (peakSet, peakHeap) = (0L, 0L);
        var progress = new Progress<CustomerImportProgress>(_ =>
            (peakSet, peakHeap) = (Math.Max(peakSet, Environment.WorkingSet), Math.Max(peakHeap, GC.GetTotalMemory(false))));
        await using var file = File.OpenRead(_csv);
        var summary = EngineHost.Ok(await _host.Session.Imports.CustomersAsync(file, ImportFormat.Csv,
            new CustomerImportOptions { DryRun = true, Progress = progress }));
        Console.WriteLine($"// peak at {Customers:N0} rows: working set {peakSet / 1048576.0:F0} MB, managed heap {peakHeap / 1048576.0:F0} MB");
        return summary.Valid == Customers ? summary.Valid : throw new InvalidOperationException($"{summary.Valid} of {Customers} valid.");
    }
}

/// <summary>
/// In this process (the set-up seeds databases), one invocation per iteration (each starts from a fresh copy), two
/// iterations and no warm-up: an import of 10⁴ rows takes seconds, and the set-up's reference import has run the code once.
/// </summary>
internal sealed class ImportRunConfig : ManualConfig
{
    public ImportRunConfig() => AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
        .WithWarmupCount(0).WithIterationCount(2).WithInvocationCount(1).WithUnrollFactor(1));

    /// <summary>One measured run: the dry run's figure is its memory, not its time.</summary>
    internal sealed class Once : ManualConfig
    {
        public Once() => AddJob(Job.Dry.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }
}
