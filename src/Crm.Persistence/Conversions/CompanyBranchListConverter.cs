using Crm.Domain.Access;
using Crm.Domain.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Persistence.Conversions;

/// <summary>
/// A user's allowed company/branch pairs as <c>company[/branch],...</c> (EF has no complex collections of structs).
/// A pair without a branch is the whole company.
/// </summary>
internal sealed class CompanyBranchListConverter() : ValueConverter<List<CompanyBranch>, string>(v => Write(v), s => Read(s))
{
    private static string Write(List<CompanyBranch> pairs) =>
        string.Join(',', pairs.Select(p => p.Branch is { } branch ? $"{p.Company.Value}/{branch.Value}" : $"{p.Company.Value}"));

    private static List<CompanyBranch> Read(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        pair.Split('/') is [var company, var branch]
            ? new CompanyBranch(new CompanyId(Guid.Parse(company)), new BranchId(Guid.Parse(branch)))
            : new CompanyBranch(new CompanyId(Guid.Parse(pair)), null))];

    public static ValueComparer<List<CompanyBranch>> Comparer { get; } =
        new((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList());
}
