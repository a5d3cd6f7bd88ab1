using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Registry;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime.Text;

namespace Crm.Persistence.Conversions;

/// <summary>
/// An IE with its kind, as <c>Kind:UF:number</c> (<c>Registered:SP:110042490114</c>, <c>NonTaxpayer:RJ:</c>); read back
/// through the IE rules, so the warnings a registered IE carries are recomputed rather than stored.
/// </summary>
internal sealed class InscricaoEstadualConverter() : ValueConverter<InscricaoEstadual, string>(v => Write(v), s => Read(s))
{
    private static string Write(InscricaoEstadual ie) => $"{ie.Kind}:{ie.Uf}:{ie.Value}";

    private static InscricaoEstadual Read(string text)
    {
        var parts = text.Split(':', 3);
        var uf = Enum.Parse<Uf>(parts[1]);
        return Enum.Parse<InscricaoEstadualKind>(parts[0]) switch
        {
            InscricaoEstadualKind.ExemptFromRegistration => InscricaoEstadual.Exempt(uf),
            InscricaoEstadualKind.NonTaxpayer => InscricaoEstadual.NonTaxpayer(uf),
            _ => InscricaoEstadual.Parse(parts[2], uf).AsT0,
        };
    }
}

/// <summary>
/// Where an account stands with the ERP, as <c>erp:CODE:2026-01-31</c>, <c>gp:CODE:true</c> (active term) or
/// <c>none</c>: one column, because the three cases share no field.
/// </summary>
internal sealed class IntegrationStateConverter() : ValueConverter<IntegrationState, string>(v => Write(v), s => Read(s))
{
    private static string Write(IntegrationState state) => state.Match(
        _ => "none",
        erp => $"erp:{LocalDatePattern.Iso.Format(erp.IntegratedOn)}:{erp.ErpCode}",
        gp => $"gp:{(gp.HasActiveTerm ? "true" : "false")}:{gp.GpCode}");

    private static IntegrationState Read(string text)
    {
        var parts = text.Split(':', 3);
        return parts[0] switch
        {
            "erp" => new IntegratedWithErp(parts[2], LocalDatePattern.Iso.Parse(parts[1]).Value),
            "gp" => new IntegratedWithGp(parts[2], parts[1] == "true"),
            _ => IntegrationState.None,
        };
    }
}
