namespace Crm.Domain.Registry;

/// <summary>The 27 federative units of Brazil (26 states and the Federal District), by their official abbreviation.</summary>
public enum Uf
{
    /// <summary>Acre.</summary>
    AC,
    /// <summary>Alagoas.</summary>
    AL,
    /// <summary>Amazonas.</summary>
    AM,
    /// <summary>Amapá.</summary>
    AP,
    /// <summary>Bahia.</summary>
    BA,
    /// <summary>Ceará.</summary>
    CE,
    /// <summary>Distrito Federal.</summary>
    DF,
    /// <summary>Espírito Santo.</summary>
    ES,
    /// <summary>Goiás.</summary>
    GO,
    /// <summary>Maranhão.</summary>
    MA,
    /// <summary>Minas Gerais.</summary>
    MG,
    /// <summary>Mato Grosso do Sul.</summary>
    MS,
    /// <summary>Mato Grosso.</summary>
    MT,
    /// <summary>Pará.</summary>
    PA,
    /// <summary>Paraíba.</summary>
    PB,
    /// <summary>Pernambuco.</summary>
    PE,
    /// <summary>Piauí.</summary>
    PI,
    /// <summary>Paraná.</summary>
    PR,
    /// <summary>Rio de Janeiro.</summary>
    RJ,
    /// <summary>Rio Grande do Norte.</summary>
    RN,
    /// <summary>Rondônia.</summary>
    RO,
    /// <summary>Roraima.</summary>
    RR,
    /// <summary>Rio Grande do Sul.</summary>
    RS,
    /// <summary>Santa Catarina.</summary>
    SC,
    /// <summary>Sergipe.</summary>
    SE,
    /// <summary>São Paulo.</summary>
    SP,
    /// <summary>Tocantins.</summary>
    TO,
}
