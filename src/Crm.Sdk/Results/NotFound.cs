using Crm.Domain.Problems;

namespace Crm.Sdk;

/// <summary>
/// No such record for this user: it does not exist in the tenant, or it lies outside what the user sees (visibility is never
/// told apart from absence, so a user cannot probe for records it may not read).
/// </summary>
/// <param name="Entity">What was looked for, e.g. <c>account</c>.</param>
/// <param name="Id">Its id (<see cref="Guid.Empty"/> when a <see cref="Key"/> names it instead).</param>
public sealed record NotFound(string Entity, Guid Id)
{
    /// <summary>The key it was looked for by when that is not an id (a product's code); null otherwise.</summary>
    public string? Key { get; init; }

    /// <summary>The stable problem code, <c>{entity}.not_found</c>.</summary>
    public string Code => $"{Entity}.not_found";

    /// <summary>The absence as a problem a form can show.</summary>
    public Problem ToProblem() => new(Entity, Code, $"Registro {Key ?? Id.ToString()} não encontrado.");
}
