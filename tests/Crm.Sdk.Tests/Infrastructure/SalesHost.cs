using System.Collections.Concurrent;
using Crm.Adapters.Protheus;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Crm.Domain.Tenancy;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Pricing;
using Crm.Sdk.Matrices;
using Crm.Sdk.Orders;
using Crm.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Sdk.Tests.Infrastructure;

/// <summary>
/// A <see cref="TestHost"/> for sales: the fixture's matrices registered as the host's <see cref="ISalesMatrices"/> (or, with
/// <c>storedMatrices</c>, saved through the engine by the Diretor, which then prices from the store), the fixture's
/// catalog saved through the engine by the Diretor, and (when <paramref name="ordersSupported"/> is given) a tenant integrating
/// with Protheus whose adapter prepares orders (true) or answers <see cref="OrdersNotSupported"/> (false), with a transport that
/// records what it is sent and acknowledges it (the ERP boundary).
/// </summary>
public sealed class SalesHost : IAsyncDisposable
{
    private SalesHost(TestHost host, RecordingErp erp) => (Host, Erp) = (host, erp);

    public TestHost Host { get; }
    public RecordingErp Erp { get; }

    public static async Task<SalesHost> Create(string provider, bool? ordersSupported = null, Func<ErpOrder, Outcome<ErpOrder>>? checkOrder = null,
        bool storedMatrices = false, Action<IServiceCollection>? configure = null)
    {
        var erp = new RecordingErp();
        var host = await TestHost.Create(provider, services =>
        {
            configure?.Invoke(services);
            if (!storedMatrices)
                services.AddSingleton<ISalesMatrices>(new FixedMatrices(new SalesMatrices(SalesFixture.Taxes(), SalesFixture.Commercial())));
            if (ordersSupported is { } supported)
            {
                services.AddErpAdapter(new OrderAdapter(new ProtheusAdapter(), supported, checkOrder ?? (order => order)));
                services.AddSingleton<IErpTransport>(erp);
            }
        }, ordersSupported is null ? null : DefaultIntegration.Protheus);
        var revenda = MasterDataCode.Of("REV");
        TestHost.Ok(await host.As(host.Diretor).Settings.SaveClientTypesAsync(new ClientTypeMapping(
            [new ClientType(revenda, "Revenda")], [new AccountType(MasterDataCode.Of("CLI"), "Cliente", IntegratesWithErp: true)],
            [(revenda, MasterDataCode.Of("CLI"))])));
        TestHost.Ok(await host.As(host.Diretor).Catalog.SaveAsync(SalesFixture.Catalog()));
        if (storedMatrices)
            await SaveAsync(host.As(host.Diretor), SalesFixture.Taxes(), SalesFixture.Commercial());
        return new SalesHost(host, erp);
    }

    /// <summary>A customer of <paramref name="owner"/>, with the ERP's credit limit and open balance when given.</summary>
    public async Task<AccountId> CustomerAsync(int seed, UserId owner, decimal? limit = 100_000m, decimal openBalance = 0m)
    {
        var saved = TestHost.Ok(await Host.As(owner).Accounts.RegisterAsync(Forms.Company(seed, owner) with { ClientType = "REV" }));
        if (limit is { } l)
            TestHost.Ok(await Host.As(Host.Diretor).Accounts.RecordErpStandingAsync(saved.Id, $"C{seed:000}",
                new ErpStanding(ErpSituation.Active, null, l, null, openBalance, Instant.FromUtc(2026, 11, 22, 8, 0))));
        return saved.Id;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Saves the rules of every matrix given, each as the first version of its matrix.</summary>
    private static async Task SaveAsync(CrmSession diretor, TaxMatrices taxes, CommercialMatrices commercial)
    {
        TestHost.Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IcmsRule>(0, taxes.Icms.Rules)));
        TestHost.Ok(await diretor.Matrices.SaveAsync(new MatrixChange<IpiRule>(0, taxes.Ipi.Rules)));
        TestHost.Ok(await diretor.Matrices.SaveAsync(new MatrixChange<PisCofinsRule>(0, taxes.PisCofins.Rules)));
        TestHost.Ok(await diretor.Matrices.SaveAsync(new MatrixChange<CbsIbsRule>(0, taxes.CbsIbs.Rules)));
        TestHost.Ok(await diretor.Matrices.SaveAsync(new MatrixChange<ApprovalRule>(0, commercial.Approval!.Rules)));
    }

    private sealed class FixedMatrices(SalesMatrices matrices) : ISalesMatrices
    {
        public ValueTask<SalesMatrices> ForAsync(TenantId tenant, CancellationToken cancellationToken) => ValueTask.FromResult(matrices);
    }

    /// <summary>
    /// Protheus for customers; for orders, a plain JSON body (or none, as an adapter of contract 1.2 answers) and the given
    /// field check.
    /// </summary>
    private sealed class OrderAdapter(IErpAdapter inner, bool supported, Func<ErpOrder, Outcome<ErpOrder>> check) : IErpAdapter
    {
        public AdapterDescriptor Descriptor => inner.Descriptor;
        public IReadOnlyList<EligibilityRule> Rules => inner.Rules;
        public FieldLimits Limits => inner.Limits;
        public ErpFieldRequirements FieldRequirements => inner.FieldRequirements;
        public EligibilityResult Evaluate(Account account, EligibilityContext context) => inner.Evaluate(account, context);
        public ErpMessage Prepare(Account account) => inner.Prepare(account);
        public RegistrationForm ToForm(string body) => inner.ToForm(body);
        public ErpCustomerState ReadState(string body, LocalDate today) => inner.ReadState(body, today);

        public Outcome<ErpOrder> CheckOrder(ErpOrder order) => check(order);

        public OrderPreparation PrepareOrder(ErpOrder order)
        {
            if (!supported)
                return new OrdersNotSupported(Descriptor.Name);
            var body = System.Text.Json.JsonSerializer.Serialize(new { order = order.Order.Value, customer = order.CustomerAccount?.Id.Value, items = order.Items.Count, total = order.Total });
            return new ErpMessage(Descriptor.Erp, "salesOrder", ErpOperation.Create, order.Customer, null, body,
                IdempotencyKey.Of(Descriptor.Erp, "salesOrder", order.Order.Value, body)) { Order = order.Order };
        }
    }
}

/// <summary>The ERP's side: records every message and acknowledges it (customers as C1, C2…, orders as PV1, PV2…).</summary>
public sealed class RecordingErp : IErpTransport
{
    private int _count;

    public ConcurrentQueue<ErpMessage> Received { get; } = new();

    public ErpId Erp => ProtheusAdapter.Id;

    public ValueTask<TransportResult> SendAsync(ErpMessage message, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(message);
        var number = Interlocked.Increment(ref _count);
        return ValueTask.FromResult<TransportResult>(new Delivered(message.Order is null ? $"C{number}" : $"PV{number}", "{}"));
    }
}
