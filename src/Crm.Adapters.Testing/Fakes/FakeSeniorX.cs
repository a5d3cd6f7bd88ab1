using System.Globalization;
using Crm.Adapters.Mega;
using Crm.Adapters.Mega.SeniorX;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;

namespace Crm.Adapters.Testing.Fakes;

/// <summary>
/// A fake Senior X platform in front of Mega. Each send logs in first with the tenant's application key
/// (<c>loginWithKey</c>, answered with a bearer token) and then calls the <c>integration_mega</c> service of domain
/// <c>crm</c>, at the platform's URL pattern; <see cref="Requests"/> records both URLs. A wrong key is refused without
/// quoting it. Agents are numbered by Mega (<c>idErp</c>); <see cref="Deactivate"/> sets one inactive as a Mega user would.
/// The primitive name <c>upsertAgent</c> is inferred: no public Mega contract names it (ERP.md §6).
/// </summary>
public sealed class FakeSeniorX(MegaOptions options, string tenant, string accessKey, string secret) : FakeErpEndpoint
{
    private readonly Dictionary<string, MegaAgent> _agents = [];
    private readonly List<Uri> _requests = [];
    private int _lastCode = 5000;

    /// <inheritdoc />
    public override ErpId Erp => MegaAdapter.Id;

    /// <summary>The URLs called, in order.</summary>
    public IReadOnlyList<Uri> Requests => _requests;

    /// <summary>The agents, by <c>idErp</c>.</summary>
    public IReadOnlyDictionary<string, MegaAgent> Agents => _agents;

    /// <summary>The companies Mega holds.</summary>
    public IReadOnlyList<MegaCompany> Companies { get; set; } = [];

    /// <summary>The branches Mega holds.</summary>
    public IReadOnlyList<MegaBranch> Branches { get; set; } = [];

    /// <summary>The representatives Mega holds.</summary>
    public IReadOnlyList<MegaRepresentative> Representatives { get; set; } = [];

    /// <summary>The payment conditions Mega holds.</summary>
    public IReadOnlyList<MegaPaymentCondition> PaymentConditions { get; set; } = [];

    /// <summary>The price tables Mega holds.</summary>
    public IReadOnlyList<MegaPriceTable> PriceTables { get; set; } = [];

    /// <summary>Every table Mega holds, agents in code order: what an initial load reads.</summary>
    public MegaExport Export() => Locked(() =>
        new MegaExport(Companies, Branches, [.. _agents.Values.OrderBy(a => a.IdErp, StringComparer.Ordinal)], Representatives, PaymentConditions, PriceTables));

    /// <summary>Adds an agent Mega got elsewhere (a supplier, a customer entered in Mega), numbered by Mega.</summary>
    public string Add(MegaAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Locked(() =>
        {
            var saved = agent with { IdErp = (++_lastCode).ToString(CultureInfo.InvariantCulture) };
            _agents[saved.IdErp!] = saved;
            return saved.IdErp!;
        });
    }

    /// <summary>
    /// Adds <paramref name="count"/> active records of <paramref name="kind"/> (codes from 10001 on; payment conditions "A
    /// receber") to <see cref="Representatives"/>, <see cref="PaymentConditions"/> or <see cref="PriceTables"/> and answers their
    /// codes; Mega lists no carriers or portadores (<see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    public IReadOnlyList<string> SeedMasterData(MasterDataKind kind, int count)
    {
        if (kind is not (MasterDataKind.Representative or MasterDataKind.PaymentCondition or MasterDataKind.PriceTable))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Mega lists no such records.");
        var codes = NextCodes(kind, count);
        Locked(() =>
        {
            if (kind == MasterDataKind.Representative)
                Representatives = [.. Representatives, .. codes.Select(c => new MegaRepresentative(c, $"Representante {c}", true))];
            else if (kind == MasterDataKind.PaymentCondition)
                PaymentConditions = [.. PaymentConditions, .. codes.Select(c => new MegaPaymentCondition(c, $"Condição {c}", true, true))];
            else
                PriceTables = [.. PriceTables, .. codes.Select(c => new MegaPriceTable(c, $"Tabela {c}", true))];
            return codes;
        });
        return codes;
    }

    /// <summary>
    /// Adds <paramref name="count"/> active customer agents Mega already holds (<see cref="TestAccounts.Customer"/> as
    /// <see cref="MegaAdapter"/> sends them, numbered by Mega) and answers their <c>idErp</c>s.
    /// </summary>
    public IReadOnlyList<string> SeedCustomers(int count) =>
        SeedCustomers(count, account => Add(PayloadJson.Deserialize<MegaAgent>(new MegaAdapter().Prepare(account).Body)));

    /// <summary>Marks the agent inactive.</summary>
    public void Deactivate(string idErp) => Locked(() => _agents[idErp] = _agents[idErp] with { Active = false });

    /// <inheritdoc />
    protected override TransportResult Apply(ErpMessage message)
    {
        var login = LoginWithKeyRequest.From(options);
        _requests.Add(SeniorXRoute.LoginWithKey(options.PlatformUrl));
        if (login.TenantName != tenant || login.AccessKey != accessKey || login.Secret != secret)
            return Reject([new Problem("", "platform.authentication.invalid_key", $"Chave de aplicação inválida para o tenant {login.TenantName}.")]);
        _requests.Add(SeniorXRoute.Of(options.PlatformUrl, "crm", "integration_mega", PrimitiveKind.Actions, "upsertAgent"));

        var agent = PayloadJson.Deserialize<MegaAgent>(message.Body);
        var problems = new List<Problem>();
        if (agent.AgentType != MegaAgentTypes.Customer)
            problems.Add(new Problem("agentType", "mega.agent.type", "Só agentes do tipo Cliente são integrados."));
        if (string.IsNullOrWhiteSpace(agent.Name))
            problems.Add(new Problem("name", "mega.agent.name", "Informe o nome do agente."));
        if (message.Operation == ErpOperation.Update && (agent.IdErp is null || !_agents.ContainsKey(agent.IdErp)))
            problems.Add(new Problem("idErp", "mega.agent.not_found", $"Agente {agent.IdErp} não encontrado."));
        if (problems.Count > 0)
            return Reject(problems);

        var saved = agent with { IdErp = agent.IdErp ?? (++_lastCode).ToString(CultureInfo.InvariantCulture) };
        _agents[saved.IdErp!] = saved;
        return new Delivered(saved.IdErp!, PayloadJson.Serialize(saved));
    }
}
