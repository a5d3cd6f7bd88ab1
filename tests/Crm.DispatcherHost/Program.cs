using Crm.Adapters.Http;
using Crm.Adapters.Protheus;
using Crm.DispatcherHost;
using Crm.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

// A host that only dispatches the ERP outbox, configured as an application configures the engine:
//   Crm.DispatcherHost --Crm:Database:Sqlite=PATH | --Crm:Database:PostgreSql=CONNECTION [--Crm:Database:KeyRingFolder=DIR]
//                      --Crm:Adapters:protheus:BaseUrl=URL [--Crm:Outbox:Interval=00:00:00.1 ...]
//                      [--Resilience:AttemptTimeout:Timeout=00:00:01 ...]   (the Protheus client's HttpStandardResilienceOptions)
//                      [--Attempts=FILE]   (one line per HTTP attempt: start and end timestamps, idempotency key, status)
// The engine's hosted dispatcher (AddCrm's OutboxBackgroundService) sends every Crm:Outbox:Interval. Prints "dispatching" once
// started; stops when its standard input closes, so a test that dies takes it along.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCrm(builder.Configuration.GetSection("Crm"));
builder.Services.AddProtheusAdapter();
builder.Services.Configure<HttpStandardResilienceOptions>(ErpHttpServiceCollectionExtensions.ResilienceOptionsName(ProtheusAdapter.Id),
    builder.Configuration.GetSection("Resilience"));
if (builder.Configuration["Attempts"] is { Length: > 0 } attempts)
{
    var log = new AttemptLog(attempts);
    builder.Services.AddSingleton(log);
    // Added after the transport's resilience handler, so inside it: one line per attempt, retries included.
    builder.Services.AddHttpClient(ErpHttpServiceCollectionExtensions.ClientName(ProtheusAdapter.Id)).AddHttpMessageHandler(() => new AttemptRecorder(log));
}
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("dispatching");
while (await Console.In.ReadLineAsync() is not null)
{
}
await host.StopAsync();
return 0;
