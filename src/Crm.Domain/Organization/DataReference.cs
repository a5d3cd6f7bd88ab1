using Crm.Domain.Problems;
using OneOf;
using OneOf.Types;

namespace Crm.Domain.Organization;

/// <summary>Records of another module that point to a company or branch, as the persistence layer counted them.</summary>
/// <param name="Kind">What they are, as users read it (e.g. <c>contas</c>, <c>usuários</c>, <c>configurações SMTP</c>).</param>
/// <param name="Count">How many.</param>
public sealed record DataReference(string Kind, int Count);

/// <summary>
/// Seed 001: "Não é possível excluir uma empresa que já possui dados vinculados a outros módulos do CRM". The same holds for
/// a branch: a deletion goes through only when nothing references the record.
/// </summary>
public static class Deletion
{
    /// <summary>Success when no reference counts anything; otherwise one problem per kind of referencing data.</summary>
    /// <param name="subject"><c>company</c> or <c>branch</c>, the problem-code subject.</param>
    /// <param name="label">The record as users know it, e.g. <c>empresa 10 - Comercial Sul</c>.</param>
    /// <param name="references">What the persistence layer found pointing to it.</param>
    internal static OneOf<Success, Invalid> Check(string subject, string label, IReadOnlyList<DataReference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var problems = references.Where(r => r.Count > 0)
            .Select(r => new Problem(r.Kind, $"{subject}.delete.referenced",
                $"Não é possível excluir a {label}: há {r.Count} {r.Kind} vinculado(s) a ela."))
            .ToList();
        return problems.Count > 0 ? new Invalid(problems) : new Success();
    }
}
