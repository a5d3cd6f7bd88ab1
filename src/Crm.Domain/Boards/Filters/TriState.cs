namespace Crm.Domain.Boards.Filters;

/// <summary>A yes/no filter that can also be off (seed 004: "sendo todos, não e/ou sim").</summary>
public enum TriState
{
    /// <summary>Do not filter ("todos").</summary>
    All,

    /// <summary>Only cards where it holds ("sim").</summary>
    Yes,

    /// <summary>Only cards where it does not hold ("não").</summary>
    No,
}
