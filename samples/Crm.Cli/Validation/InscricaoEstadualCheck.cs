using Crm.Domain.Problems;
using Crm.Domain.Registry;

namespace Crm.Cli.Validation;

/// <summary>
/// The Inscrição Estadual path of <c>crm validate</c>, kept apart because <c>InscricaoEstadual</c> is built
/// on another branch of issue 2. Until it is merged, IE validation reports that it is unavailable rather
/// than pretending to check anything.
/// </summary>
public static class InscricaoEstadualCheck
{
    /// <summary>False until <c>InscricaoEstadual</c> is merged: the CLI then refuses IE input as a usage error.</summary>
    public static bool IsAvailable => false;

    /// <summary>Checks an IE for <paramref name="uf"/>.</summary>
    public static CheckResult Check(string value, Uf uf) =>
        throw new NotSupportedException($"Inscrição Estadual validation is not in this build yet ({uf}: {value}).");
}
