using Crm.Adapters.Datasul;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Fakes;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Messages;
using NodaTime;

namespace Crm.Adapters.Tests.Datasul;

/// <summary>What seed 000 says the Datasul integration maps, and how the fake EMS behaves.</summary>
public sealed class DatasulAdapterTests
{
    private static readonly DatasulAdapter Adapter = new();

    [Fact]
    public void Only_the_erp_phone_types_and_integration_observations_reach_ems()
    {
        var payload = Adapter.ToPayload(Samples.Register(Samples.Company() with
        {
            Phones =
            [
                new PhoneForm(PhoneType.Mobile, "(11) 98888-7777"),
                new PhoneForm(PhoneType.TelefoneErp2, "(11) 3333-2222", "45"),
                new PhoneForm(PhoneType.FaxErp2, "(11) 3333-2223"),
                new PhoneForm(PhoneType.WhatsApp, "(11) 97777-6666"),
            ],
            Observations =
            [
                new Observation(ObservationType.Commercial, "Negocia prazo"),
                new Observation(ObservationType.Integration, "Portão 3"),
                new Observation(ObservationType.Financial, "Boleto"),
                new Observation(ObservationType.Integration, "Somente manhã"),
            ],
        }));

        Assert.Null(payload.Phone1);
        Assert.Equal(("1133332222", "45"), (payload.Phone2, payload.Extension2));
        Assert.Null(payload.Telefax);
        Assert.Equal("1133332223", payload.Telex);
        Assert.Equal("Portão 3\nSomente manhã", payload.Comments);
    }

    [Fact]
    public void Codes_addresses_and_emails_land_in_their_emitente_fields()
    {
        var payload = Adapter.ToPayload(Samples.Register(Samples.Company()));

        Assert.Equal((10, 7, 3, 1, 15, "TB1"), (payload.CustomerGroup!.Value, payload.RepresentativeCode!.Value, payload.StandardCarrierCode!.Value,
            payload.Holder!.Value, payload.PaymentTerms!.Value, payload.PriceTable));
        Assert.Equal(("Av. Paulista, 1000", "SP", "01310100", 3550308), (payload.Address, payload.State, payload.ZipCode, payload.IbgeCode!.Value));
        Assert.Equal("LOJA1", payload.DeliveryCode);
        Assert.Equal("Rua Augusta, 1000", Assert.Single(payload.DeliveryPlaces!).Address);
        Assert.Equal(("compras@padariasj.com.br", "nfe@padariasj.com.br"), (payload.Email, payload.NFeEmail));
        Assert.Equal((2, 1, 1), (payload.EntityType, payload.Type, payload.Modality));
        Assert.Equal("11222333000181", payload.PersonalId);
    }

    [Fact]
    public void Long_texts_are_cut_to_the_emitente_sizes_and_nfe_emails_are_kept_whole()
    {
        var payload = Adapter.ToPayload(Samples.Register(Samples.LongTexts()));

        Assert.Equal("Avenida Engenheiro Luís Carlos Berrini E", payload.Address);
        Assert.Equal("Jardim Paulistano Residencial", payload.Neighborhood); // cut at 30, then trimmed
        Assert.Equal("CENTRO-DISTR", payload.DeliveryCode);
        Assert.True(payload.NFeEmail!.Length <= 500);
        Assert.All(payload.NFeEmail.Split(';'), e => Assert.Matches(@"^notas\.fiscais\.\d+@padariasj\.com\.br$", e));
        Assert.Equal(2000, payload.Comments!.Length);
    }

    [Fact]
    public async Task Ems_numbers_a_new_customer_and_its_situation_follows_nr_mesina()
    {
        var ems = new FakeDatasulEms();
        var sent = (await ems.SendAsync(Adapter.Prepare(Samples.Register(Samples.Company())))).AsT0;
        var code = int.Parse(sent.ErpCode, System.Globalization.CultureInfo.InvariantCulture);

        ems.RecordSale(code, new LocalDate(2026, 3, 1), monthsInactive: 6);
        var state = Adapter.ReadState(ems.Customers[code], TestAccounts.Today);

        Assert.Equal(1001, code);
        Assert.Equal(new ErpCustomerStateView(sent.ErpCode, ErpSituation.Inactive, new LocalDate(2026, 3, 1)),
            new ErpCustomerStateView(state.ErpCode, state.Situation, state.LastPurchase));
        Assert.Equal(new IntegratedWithErp("1001", TestAccounts.Today), state.ToIntegrationState(TestAccounts.Today).AsT1);
    }

    [Fact]
    public async Task Ems_refuses_a_second_customer_with_the_same_short_name_and_a_changed_short_name()
    {
        var ems = new FakeDatasulEms();
        var first = Samples.Register(Samples.Company());
        var code = (await ems.SendAsync(Adapter.Prepare(first))).AsT0.ErpCode;
        var twin = Samples.Register(Samples.Company() with { LegalName = "Outra Padaria Ltda", ShortName = "padsjoao" });

        var duplicate = await ems.SendAsync(Adapter.Prepare(twin));
        var renamed = Samples.Register(Samples.Company() with { ShortName = "PADNOVA" }).Integrated(code);
        var locked = await ems.SendAsync(Adapter.Prepare(renamed));

        Assert.Equal(["datasul.ems.short_name_taken"], duplicate.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(["datasul.ems.short_name_locked"], locked.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(1, ems.Applied);
    }

    [Fact]
    public async Task Ems_lists_every_missing_required_field()
    {
        var body = PayloadJson.Serialize(new DatasulCustomer { ShortName = "NOME-ABREVIADO-LONGO", Modality = 0 });
        var message = new ErpMessage(DatasulAdapter.Id, "customerPublic", ErpOperation.Create, new Domain.Identity.AccountId(Guid.NewGuid()), null, body,
            IdempotencyKey.Of(DatasulAdapter.Id, "customerPublic", Guid.Empty, body));

        var result = await new FakeDatasulEms().SendAsync(message);

        Assert.Equal(["Address", "Country", "CustomerGroup", "CustomerName", "Modality", "RepresentativeCode", "ShortName"],
            result.AsT1.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ems_field_requirements_follow_seed_000()
    {
        var requirements = Adapter.FieldRequirements;

        Assert.Equal(12, requirements.MaxLengths[RegistrationField.ShortName]);
        Assert.Equal(60, requirements.MaxLengths[RegistrationField.LegalName]);
        Assert.Subset(requirements.Required.ToHashSet(),
            new HashSet<RegistrationField>
            {
                RegistrationField.CorrespondenceAddress, RegistrationField.BillingAddress, RegistrationField.DeliveryAddress,
                RegistrationField.ClientGroup, RegistrationField.Representative, RegistrationField.Carrier, RegistrationField.Portador,
                RegistrationField.PaymentCondition, RegistrationField.ShortName, RegistrationField.LegalName, RegistrationField.Email,
            });
    }

    private sealed record ErpCustomerStateView(string? Code, ErpSituation Situation, LocalDate? LastPurchase);
}
