using Crm.Domain.Registry;
using Crm.Domain.Problems;

namespace Crm.Domain.Tests.Registry;

/// <summary>The common assertion of the invalid-vector theories.</summary>
public static class RegistryAssert
{
    /// <summary><paramref name="isValid"/> says no, and <paramref name="parse"/> names <paramref name="code"/> among problems all about <paramref name="field"/>.</summary>
    public static void Rejects<T>(Func<string?, bool> isValid, Func<string?, Outcome<T>> parse, string? input, string field, string code)
    {
        Assert.False(isValid(input));
        var problems = parse(input).Problems;
        Assert.Contains(code, problems.Select(p => p.Code));
        Assert.All(problems, p => Assert.Equal(field, p.Field));
    }
}
