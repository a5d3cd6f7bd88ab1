using Crm.Domain.Registry;

namespace Crm.Domain.Matrices.Tax;

/// <summary>The five regions of Brazil (IBGE), as the interstate ICMS rates group the UFs.</summary>
public enum Region
{
    /// <summary>Norte: AC AM AP PA RO RR TO.</summary>
    North,
    /// <summary>Nordeste: AL BA CE MA PB PE PI RN SE.</summary>
    Northeast,
    /// <summary>Centro-Oeste: DF GO MS MT.</summary>
    CentralWest,
    /// <summary>Sudeste: ES MG RJ SP.</summary>
    Southeast,
    /// <summary>Sul: PR RS SC.</summary>
    South,
}

/// <summary>
/// The legal interstate ICMS rate, used when no ICMS matrix rule gives a rate (TAXES.md §4):
/// 4 % for imported origins 1, 2, 3 and 8 (Resolução SF 13/2012); otherwise 7 % from S/SE except ES to
/// N/NE/CO and ES, and 12 % in every other case (Resolução SF 22/1989).
/// </summary>
public static class InterstateIcmsRate
{
    /// <summary>The region of a UF.</summary>
    public static Region RegionOf(Uf uf) => uf switch
    {
        Uf.AC or Uf.AM or Uf.AP or Uf.PA or Uf.RO or Uf.RR or Uf.TO => Region.North,
        Uf.AL or Uf.BA or Uf.CE or Uf.MA or Uf.PB or Uf.PE or Uf.PI or Uf.RN or Uf.SE => Region.Northeast,
        Uf.DF or Uf.GO or Uf.MS or Uf.MT => Region.CentralWest,
        Uf.ES or Uf.MG or Uf.RJ or Uf.SP => Region.Southeast,
        Uf.PR or Uf.RS or Uf.SC => Region.South,
        _ => throw new ArgumentOutOfRangeException(nameof(uf), uf, "Unknown UF."),
    };

    /// <summary>True for the origins taxed at 4 % between states: imported goods and national goods with more than 40 % import content.</summary>
    public static bool IsImported(ProductOrigin origin) =>
        origin is ProductOrigin.ForeignDirectImport or ProductOrigin.ForeignBoughtInBrazil
            or ProductOrigin.NationalImportContentAbove40 or ProductOrigin.NationalImportContentAbove70;

    /// <summary>
    /// The interstate rate in percent (4, 7 or 12), or null for an operation inside one UF, whose internal
    /// rate comes from the ICMS matrix.
    /// </summary>
    public static decimal? For(Uf origin, Uf destination, ProductOrigin productOrigin)
    {
        if (origin == destination)
            return null;
        if (IsImported(productOrigin))
            return 4m;
        var fromSouthOrSoutheast = RegionOf(origin) is Region.South or Region.Southeast && origin != Uf.ES;
        var toLessDeveloped = RegionOf(destination) is Region.North or Region.Northeast or Region.CentralWest || destination == Uf.ES;
        return fromSouthOrSoutheast && toLessDeveloped ? 7m : 12m;
    }
}
