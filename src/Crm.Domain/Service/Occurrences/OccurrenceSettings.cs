using System.Collections.Frozen;
using System.Collections.Immutable;
using Crm.Domain.Problems;
using Crm.Domain.Texts;
using NodaTime;

namespace Crm.Domain.Service.Occurrences;

/// <summary>
/// A tenant's occurrence settings: the reasons an occurrence may have, each with its response-time target, and the
/// fields every occurrence form must fill (seed 001, "Ocorrências: Campos Obrigatórios"). Built only through
/// <see cref="Create"/>, so a settings value always holds unique, named reasons with positive targets.
/// </summary>
public sealed class OccurrenceSettings
{
    private readonly FrozenDictionary<string, ServiceReason> _byCode;

    private OccurrenceSettings(ImmutableArray<ServiceReason> reasons, FrozenSet<OccurrenceField> mandatory)
    {
        Reasons = reasons;
        MandatoryFields = mandatory;
        _byCode = reasons.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What a tenant starts with until it configures its own: complaint (<i>reclamação</i>, a day), question (<i>dúvida</i>,
    /// two days) and request (<i>solicitação</i>, three days), no mandatory field beyond the required ones.
    /// </summary>
    public static OccurrenceSettings Default { get; } = Create(
        [
            new ServiceReason("RECL", "Reclamação", Duration.FromDays(1), IsComplaint: true),
            new ServiceReason("DUV", "Dúvida", Duration.FromDays(2)),
            new ServiceReason("SOL", "Solicitação", Duration.FromDays(3)),
        ], []).AsT0;

    /// <summary>The configured reasons, in the order given (codes and names trimmed).</summary>
    public ImmutableArray<ServiceReason> Reasons { get; }

    /// <summary>The fields an occurrence must fill besides account, channel, reason and description.</summary>
    public IReadOnlySet<OccurrenceField> MandatoryFields { get; }

    /// <summary>The reason with <paramref name="code"/> (case-insensitive, trimmed); null when none.</summary>
    /// <param name="code">The reason code.</param>
    public ServiceReason? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code.Trim(), out var reason) ? reason : null;

    /// <summary>Validated settings, or every problem with the reasons and fields (field <c>reasons[i].code</c> and so on).</summary>
    /// <param name="reasons">The reasons.</param>
    /// <param name="mandatoryFields">The fields every occurrence must fill.</param>
    public static Outcome<OccurrenceSettings> Create(IEnumerable<ServiceReason> reasons, IEnumerable<OccurrenceField> mandatoryFields)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(mandatoryFields);
        var problems = new ProblemCollector();
        var clean = ImmutableArray.CreateBuilder<ServiceReason>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (reason, i) in reasons.Select((r, i) => (r, i)))
        {
            var path = $"reasons[{i}]";
            var code = reason.Code?.Trim();
            var name = reason.Name?.Trim();
            if (string.IsNullOrEmpty(code))
                problems.Add(new($"{path}.code", OccurrenceCodes.ReasonCodeRequired, "Informe o código do motivo."));
            else if (!codes.Add(code))
                problems.Add(new($"{path}.code", OccurrenceCodes.ReasonCodeDuplicate, $"O código de motivo '{code}' está repetido."));
            problems.Check(code, $"{path}.code", TextLimits.MasterDataCode);
            if (string.IsNullOrEmpty(name))
                problems.Add(new($"{path}.name", OccurrenceCodes.ReasonNameRequired, "Informe o nome do motivo."));
            problems.Check(name, $"{path}.name", TextLimits.ServiceReasonName);
            if (reason.ResponseTarget <= Duration.Zero)
                problems.Add(new($"{path}.response_target", OccurrenceCodes.ResponseTargetNotPositive,
                    "O prazo de resposta do motivo deve ser maior que zero."));
            clean.Add(reason with { Code = code ?? "", Name = name ?? "" });
        }
        var fields = mandatoryFields.ToList();
        foreach (var field in fields.Where(f => !Enum.IsDefined(f)).Distinct())
            problems.Add(new("mandatory_fields", OccurrenceCodes.FieldUnknown, $"Campo desconhecido: {(int)field}."));
        return problems.HasProblems ? problems.ToInvalid() : new OccurrenceSettings(clean.ToImmutable(), fields.ToFrozenSet());
    }
}
