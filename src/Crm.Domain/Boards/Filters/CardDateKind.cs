namespace Crm.Domain.Boards.Filters;

/// <summary>Which date the date range and the ordering use ("Tipo de Data").</summary>
public enum CardDateKind
{
    /// <summary>When the card was created ("Data de Cadastro Cartão").</summary>
    CardCreated,

    /// <summary>When the prospect was registered ("Data de Cadastro Prospecto").</summary>
    ProspectRegistered,
}
