namespace Crm.Domain.Boards;

/// <summary>Stable problem codes of board settings.</summary>
public static class BoardCodes
{
    /// <summary>The board has no name.</summary>
    public const string NameRequired = "board.name.required";

    /// <summary>The region or sales type has no name.</summary>
    public const string ScopeRequired = "board.scope.required";

    /// <summary>A stage has no name.</summary>
    public const string StageNameRequired = "board.stage.name.required";

    /// <summary>Two stages share a name.</summary>
    public const string StageNameDuplicate = "board.stage.name.duplicate";

    /// <summary>A stagnant-days threshold below one.</summary>
    public const string StagnantDaysRange = "board.stage.stagnant_days.range";

    /// <summary>No stage with that id on the board.</summary>
    public const string StageUnknown = "board.stage.unknown";

    /// <summary>A stage still holding cards cannot be removed.</summary>
    public const string StageNotEmpty = "board.stage.not_empty";

    /// <summary>A position outside the board's stages.</summary>
    public const string PositionRange = "board.stage.position.range";

    /// <summary>A tag has no name.</summary>
    public const string TagNameRequired = "board.tag.name.required";

    /// <summary>Two tags share a name.</summary>
    public const string TagNameDuplicate = "board.tag.name.duplicate";

    /// <summary>No tag with that id on the board.</summary>
    public const string TagUnknown = "board.tag.unknown";

    /// <summary>A tag still on cards cannot be removed.</summary>
    public const string TagInUse = "board.tag.in_use";

    /// <summary>The user already has access to the board.</summary>
    public const string UserReleased = "board.user.already_released";

    /// <summary>The user has no access to the board.</summary>
    public const string UserNotReleased = "board.user.not_released";

    /// <summary>The base card belongs to another board.</summary>
    public const string BaseCardMismatch = "board.base_card.mismatch";
}
