using NodaTime;

namespace Crm.Domain.Service.Occurrences;

/// <summary>
/// A configured reason for contacting the company (<i>motivo de atendimento</i>, seed 003) and the time the company
/// allows itself to answer an occurrence of that reason. An inactive reason stays on the occurrences that have it but
/// cannot be given to a new one.
/// </summary>
/// <param name="Code">A short code, unique in the tenant (case-insensitive).</param>
/// <param name="Name">What users see.</param>
/// <param name="ResponseTarget">The longest acceptable time from opening to answer.</param>
/// <param name="Active">Whether new occurrences may use it.</param>
/// <param name="IsComplaint">Whether an occurrence of this reason is a complaint (<i>reclamação</i>), counted by the
/// "complaints per unit" indicator of seed 003.</param>
public sealed record ServiceReason(string Code, string Name, Duration ResponseTarget, bool Active = true, bool IsComplaint = false);
