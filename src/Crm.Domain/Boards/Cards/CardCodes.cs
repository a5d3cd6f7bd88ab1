namespace Crm.Domain.Boards.Cards;

/// <summary>Stable problem codes of cards.</summary>
public static class CardCodes
{
    /// <summary>The card has no name.</summary>
    public const string NameRequired = "card.name.required";

    /// <summary>The stage is not on the card's board.</summary>
    public const string StageUnknown = "card.stage.unknown";

    /// <summary>The card is already in that stage.</summary>
    public const string StageSame = "card.stage.same";

    /// <summary>The prospect already has a card (on this or another board of the tenant).</summary>
    public const string ProspectHasCard = "card.prospect.has_card";

    /// <summary>The base card belongs to another board.</summary>
    public const string BaseCardMismatch = "card.base_card.mismatch";

    /// <summary>The card was deleted.</summary>
    public const string Deleted = "card.deleted";

    /// <summary>The card is archived: restore it first.</summary>
    public const string Archived = "card.archived";

    /// <summary>The card is not archived.</summary>
    public const string NotArchived = "card.not_archived";

    /// <summary>The card is already marked lost.</summary>
    public const string Lost = "card.lost";

    /// <summary>The card was already converted to a customer.</summary>
    public const string ConvertedToCustomer = "card.converted.customer";

    /// <summary>The card was already converted to a customer service.</summary>
    public const string ConvertedToService = "card.converted.customer_service";
}
