namespace Crm.Domain.Matrices;

/// <summary>
/// The fiscal origin of a product (NF-e field <c>orig</c>, Ajuste SINIEF 20/2012 table A). Origins 1, 2, 3 and
/// 8 take the 4 % interstate ICMS rate (Resolução do Senado Federal 13/2012).
/// </summary>
public enum ProductOrigin
{
    /// <summary>0 — Nacional.</summary>
    National = 0,
    /// <summary>1 — Estrangeira, importação direta.</summary>
    ForeignDirectImport = 1,
    /// <summary>2 — Estrangeira, adquirida no mercado interno.</summary>
    ForeignBoughtInBrazil = 2,
    /// <summary>3 — Nacional com conteúdo de importação superior a 40 % e até 70 %.</summary>
    NationalImportContentAbove40 = 3,
    /// <summary>4 — Nacional produzida conforme os processos produtivos básicos.</summary>
    NationalBasicProductiveProcess = 4,
    /// <summary>5 — Nacional com conteúdo de importação até 40 %.</summary>
    NationalImportContentUpTo40 = 5,
    /// <summary>6 — Estrangeira, importação direta, sem similar nacional (lista CAMEX) e gás natural.</summary>
    ForeignDirectImportWithoutSimilar = 6,
    /// <summary>7 — Estrangeira, adquirida no mercado interno, sem similar nacional (lista CAMEX) e gás natural.</summary>
    ForeignBoughtInBrazilWithoutSimilar = 7,
    /// <summary>8 — Nacional com conteúdo de importação superior a 70 %.</summary>
    NationalImportContentAbove70 = 8,
}
