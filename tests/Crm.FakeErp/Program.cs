using System.Globalization;
using Crm.Adapters.Testing.Fakes;
using Crm.Adapters.Testing.Servers;

// Usage: Crm.FakeErp datasul|protheus [--fault-rate 0.3] [--seed 1] [--faults Status500,Drop,...] [--slow-ms 2000]
//        [--user U --password P]   (mega: --tenant T --key K --secret S; it serves HTTPS with a self-signed certificate)
// Prints "listening <url>" once ready; GET <url>_fake/record answers what it received and applied. Stops when its
// standard input closes, so a parent test that dies takes it along.
var erp = args.FirstOrDefault()?.ToLowerInvariant();
var options = Enumerable.Range(0, (args.Length - 1) / 2).ToDictionary(i => args[1 + 2 * i].TrimStart('-'), i => args[2 + 2 * i], StringComparer.OrdinalIgnoreCase);
string? Option(string name) => options.GetValueOrDefault(name);

FakeErpServer? server = erp switch
{
    "datasul" => await FakeDatasulServer.StartAsync(Option("user"), Option("password")),
    "protheus" => await FakeProtheusServer.StartAsync(new FakeProtheus(), Option("user"), Option("password")),
    "mega" when Option("tenant") is { } tenant && Option("key") is { } key && Option("secret") is { } secret
        => await FakeSeniorXServer.StartAsync(tenant, key, secret),
    _ => null,
};
if (server is null)
{
    await Console.Error.WriteLineAsync("usage: Crm.FakeErp datasul|protheus|mega [--fault-rate R --seed N --faults A,B --slow-ms M] [--user U --password P] [--tenant T --key K --secret S]");
    return 2;
}
await using (server)
{
    if (Option("slow-ms") is { } slow)
        server.SlowAnswer = TimeSpan.FromMilliseconds(int.Parse(slow, CultureInfo.InvariantCulture));
    if (Option("fault-rate") is { } rate)
        server.InjectRandomly(double.Parse(rate, CultureInfo.InvariantCulture), int.Parse(Option("seed") ?? "1", CultureInfo.InvariantCulture),
            [.. (Option("faults") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<FakeFault>)]);
    Console.WriteLine($"listening {server.BaseUrl}");
    while (await Console.In.ReadLineAsync() is not null)
    {
    }
}
return 0;
