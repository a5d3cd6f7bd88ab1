namespace Crm.Domain.Boards.Filters;

/// <summary>How many cards each list (stage) shows per page ("Quantidade de Cartões por Lista"); no other size exists.</summary>
public enum CardsPerList
{
    /// <summary>10 cards.</summary>
    Ten = 10,

    /// <summary>20 cards.</summary>
    Twenty = 20,

    /// <summary>50 cards.</summary>
    Fifty = 50,

    /// <summary>100 cards.</summary>
    OneHundred = 100,

    /// <summary>500 cards.</summary>
    FiveHundred = 500,
}
