using System.Text.Json.Serialization;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Eligibility;

namespace Crm.Adapters.Mega;

/// <summary>A company (<i>empresa</i>) of the ERP.</summary>
/// <param name="Code">Its code in the ERP.</param>
/// <param name="Name">Its name.</param>
public sealed record MegaCompany([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("name")] string Name);

/// <summary>A branch (<i>filial</i>) of an ERP company.</summary>
/// <param name="CompanyCode">Its company's code.</param>
/// <param name="Code">Its code in the ERP.</param>
/// <param name="Name">Its name.</param>
public sealed record MegaBranch(
    [property: JsonPropertyName("companyCode")] string CompanyCode,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name);

/// <summary>A representative of the ERP (the customer's <c>representative</c>).</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Active">True when active.</param>
public sealed record MegaRepresentative(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("active")] bool Active);

/// <summary>A payment condition of the ERP.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Receivable">True for "A receber", false for "A pagar".</param>
/// <param name="Active">True when "Ativa".</param>
public sealed record MegaPaymentCondition(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("receivable")] bool Receivable,
    [property: JsonPropertyName("active")] bool Active);

/// <summary>A price table of the ERP.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Active">True when active.</param>
public sealed record MegaPriceTable(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("active")] bool Active);

/// <summary>What the ERP hands over in an initial load (<see cref="MegaTransport.ReadExportAsync"/> reads it over HTTP).</summary>
/// <param name="Companies">Companies.</param>
/// <param name="Branches">Branches.</param>
/// <param name="Agents">Agents (customers and others).</param>
/// <param name="Representatives">Representatives.</param>
/// <param name="PaymentConditions">Payment conditions.</param>
/// <param name="PriceTables">Price tables.</param>
public sealed record MegaExport(
    IReadOnlyList<MegaCompany> Companies,
    IReadOnlyList<MegaBranch> Branches,
    IReadOnlyList<MegaAgent> Agents,
    IReadOnlyList<MegaRepresentative> Representatives,
    IReadOnlyList<MegaPaymentCondition> PaymentConditions,
    IReadOnlyList<MegaPriceTable> PriceTables);

/// <summary>What the CRM takes from an initial load.</summary>
/// <param name="Companies">Every company.</param>
/// <param name="Branches">The branches of known companies.</param>
/// <param name="Customers">The active customers, each with its Mega code, as registrations to validate and save.</param>
/// <param name="MasterData">The active representatives, the receivable, active payment conditions and the active price tables.</param>
public sealed record MegaLoad(
    IReadOnlyList<MegaCompany> Companies,
    IReadOnlyList<MegaBranch> Branches,
    IReadOnlyList<(string ErpCode, RegistrationForm Form)> Customers,
    IntegratedMasterData MasterData);

/// <summary>
/// The initial load of a Senior X CRM tenant from Mega (seed 001, "Execução da carga inicial": companies and branches come in
/// the initial load) with Mega's sync filters (Senior help, "Venda+"): agents of type Cliente with status Ativo; payment
/// conditions "A receber" and "Ativa"; active price tables. Representatives come too (active ones), since the adapter's
/// rules require the customer's representative to be integrated.
/// </summary>
public static class MegaInitialLoad
{
    /// <summary>What the CRM would keep of <paramref name="export"/>, mapped in memory (the caller stores it; the engine does not yet).</summary>
    public static MegaLoad Take(MegaExport export, MegaAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(adapter);
        var companies = export.Companies.Select(c => c.Code).ToHashSet();
        var customers = export.Agents
            .Where(a => a.AgentType == MegaAgentTypes.Customer && a.Active && a.IdErp is not null)
            .Select(a => (a.IdErp!, adapter.ToForm(a)))
            .ToList();
        IEnumerable<MasterDataRecord> records =
        [
            .. export.Representatives.Where(r => r.Active)
                .Select(r => new MasterDataRecord(MasterDataKind.Representative, MasterDataCode.Of(r.Code), r.Name)),
            .. export.PaymentConditions.Where(p => p.Receivable && p.Active)
                .Select(p => new MasterDataRecord(MasterDataKind.PaymentCondition, MasterDataCode.Of(p.Code), p.Name)),
            .. export.PriceTables.Where(t => t.Active)
                .Select(t => new MasterDataRecord(MasterDataKind.PriceTable, MasterDataCode.Of(t.Code), t.Name)),
        ];
        var masterData = new IntegratedMasterData(records);
        return new MegaLoad(export.Companies, [.. export.Branches.Where(b => companies.Contains(b.CompanyCode))], customers, masterData);
    }
}
