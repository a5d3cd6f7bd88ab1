using System.Text.Json.Serialization;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Tenancy;
using Crm.Persistence.Settings;
using Crm.Sdk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>
/// Seed 000 on the send path: with the tenant integrating with <i>Gestão de Planos</i>, only accounts that came from GP are
/// sent, and not while their term is active — through an adapter that declares GP (the built-in ones refuse GP).
/// </summary>
public sealed class OutboxGestaoDePlanosTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Under_gp_only_accounts_from_gp_without_an_active_term_write_a_message(string provider)
    {
        await using var host = await Create(provider, services => services.AddErpAdapter(new GpAdapter()), DefaultIntegration.SeniorErpX);
        Ok(await host.As(host.Diretor).Settings.SaveIntegrationAsync(new IntegrationSettings(IntegrationSystem.Gp)));
        var session = host.As(host.Usuario);
        var fromCrm = Ok(await session.Accounts.RegisterAsync(Forms.Company(60)));
        var withoutTerm = Ok(await session.Accounts.RegisterAsync(Forms.Company(61)));
        var withTerm = Ok(await session.Accounts.RegisterAsync(Forms.Company(62)));
        await FromGpAsync(host, withoutTerm.Id, activeTerm: false);
        await FromGpAsync(host, withTerm.Id, activeTerm: true);

        foreach (var (id, seed) in new[] { (fromCrm.Id, 60), (withoutTerm.Id, 61), (withTerm.Id, 62) })
        {
            var read = Ok(await session.Accounts.GetAsync(id));
            Ok(await session.Accounts.UpdateAsync(id, read.Version, Forms.Company(seed, host.Usuario) with { TradeName = "Alterado" }));
        }

        await using var db = host.Open();
        var message = Assert.Single(await db.Outbox.ToListAsync());
        Assert.Equal((withoutTerm.Id, "senior", "beneficiary"), (message.Account, message.Erp, message.Resource));
    }

    // What an integration from GP leaves on an account: its GP code, and whether its Termo de Adesão is active.
    private static async Task FromGpAsync(TestHost host, Crm.Domain.Identity.AccountId id, bool activeTerm)
    {
        await using var db = host.Open();
        var account = await db.Accounts.SingleAsync(a => a.Id == id);
        account.RecordErpState(new IntegratedWithGp($"GP{id.Value:N}"[..10], activeTerm), null, host.Diretor, host.Engine.Clock);
        Assert.True((await db.SaveAsync()).IsSaved);
    }

    /// <summary>An adapter that integrates with GP and accepts every account.</summary>
    private sealed class GpAdapter : ErpAdapter<GpAdapter.Beneficiary>
    {
        public sealed record Beneficiary([property: JsonPropertyName("name")] string Name);

        public override AdapterDescriptor Descriptor { get; } =
            new(ErpId.Of("senior"), "Gestão de Planos de teste", ErpCapabilities.ExportAccounts | ErpCapabilities.GestaoDePlanos);

        public override IReadOnlyList<EligibilityRule> Rules => [];

        public override FieldLimits Limits { get; } = new([]);

        public override string Resource => "beneficiary";

        public override EligibilityResult Evaluate(Account account, EligibilityContext context) => EligibilityResult.Eligible;

        public override Beneficiary ToPayload(Account account) => new(account.Data.LegalName);

        public override RegistrationForm ToForm(Beneficiary payload) => new() { Kind = PersonKind.Juridica, LegalName = payload.Name };

        public override ErpCustomerState ReadState(Beneficiary payload, LocalDate today) => ErpCustomerState.NotIntegrated;
    }
}
