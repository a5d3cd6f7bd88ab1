using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Problems;

namespace Crm.Adapters.Http;

/// <summary>
/// The error answer of the TOTVS APIs (Datasul <c>/api/cdp/v1</c>, Protheus <c>/rest/api/crm/v1</c>; TOTVS
/// <c>apis/types/totvsApiTypesBase.json</c>): <c>code</c>, <c>message</c>, <c>detailedMessage</c>, <c>helpUrl</c> and
/// <c>details</c>, each detail of the same shape.
/// </summary>
public sealed record TotvsError
{
    /// <summary>The ERP's error code.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }
    /// <summary>A short message for the user.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }
    /// <summary>A longer, technical message.</summary>
    [JsonPropertyName("detailedMessage")] public string? DetailedMessage { get; init; }
    /// <summary>Where the error is documented.</summary>
    [JsonPropertyName("helpUrl")] public string? HelpUrl { get; init; }
    /// <summary>The individual errors, when there are several.</summary>
    [JsonPropertyName("details")] public IReadOnlyList<TotvsError>? Details { get; init; }

    /// <summary>
    /// The problems <paramref name="body"/> states: one per detail, else one for the envelope itself; empty when the body is
    /// not a TOTVS error. A problem's code is the ERP's code, its message the message and the detailed message.
    /// </summary>
    public static IReadOnlyList<Problem> ProblemsIn(string body)
    {
        TotvsError? error;
        try
        {
            error = JsonSerializer.Deserialize<TotvsError>(body);
        }
        catch (JsonException)
        {
            return [];
        }
        if (error is null || (error.Code is null && error.Message is null))
            return [];
        var errors = error.Details is { Count: > 0 } details ? details : [error];
        return [.. errors.Select(e => new Problem("", string.IsNullOrWhiteSpace(e.Code) ? "totvs.error" : e.Code,
            e.DetailedMessage is { Length: > 0 } detail && detail != e.Message ? $"{e.Message} {detail}" : e.Message ?? e.Code ?? ""))];
    }

    /// <summary>The envelope of <paramref name="problems"/>, as a TOTVS API answers them (for fakes and tests).</summary>
    public static TotvsError Of(IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new TotvsError
        {
            Code = problems.Count == 1 ? problems[0].Code : "400",
            Message = problems.Count == 1 ? problems[0].Message : "A requisição tem erros de validação.",
            Details = problems.Count == 1 ? null : [.. problems.Select(p => new TotvsError
            {
                Code = p.Code,
                Message = p.Message,
                DetailedMessage = p.Field.Length > 0 ? $"Campo {p.Field}." : null,
            })],
            DetailedMessage = problems.Count == 1 && problems[0].Field.Length > 0 ? $"Campo {problems[0].Field}." : null,
        };
    }
}
