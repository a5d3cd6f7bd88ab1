using Crm.Domain.Problems;

namespace Crm.Sdk;

/// <summary>Joins the domain's refusal and the engine's own checks into one list, so a form hears of every problem at once.</summary>
internal static class Refusals
{
    /// <summary>The problems of <paramref name="outcome"/> followed by <paramref name="more"/>; null when there are none.</summary>
    public static Invalid? With<T>(Outcome<T> outcome, IReadOnlyList<Problem> more)
    {
        List<Problem> all = outcome.TryPickT1(out var invalid, out _) ? [.. invalid.Problems, .. more] : [.. more];
        return all.Count > 0 ? new Invalid(all) : null;
    }
}
