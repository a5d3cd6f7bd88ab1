namespace Crm.Domain.Boards.Filters;

/// <summary>How cards are ordered in each list ("Tipo de Ordenação").</summary>
public enum SortOrder
{
    /// <summary>Oldest first ("Crescente: primeiro para o último").</summary>
    Ascending,

    /// <summary>Newest first ("Decrescente: último para o primeiro").</summary>
    Descending,
}
