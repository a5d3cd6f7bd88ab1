using Crm.Domain.Matrices;
using Crm.Domain.Matrices.Commercial;
using Crm.Domain.Matrices.Tax;
using Crm.Domain.Registry;
using NodaTime;
using static Crm.Imports.Cells;

namespace Crm.Imports.Matrices;

/// <summary>
/// The sheet of every tax and commercial matrix of the domain. Percentages are typed as numbers of percent (<c>18</c> or
/// <c>18,5</c>, not <c>0,185</c>); a payload cell left blank takes the domain's default when the payload has one (a blank
/// ICMS rate: the interstate law's), and is required otherwise. Codes (<c>BASE_DUPLA</c>, S/N) match ignoring case.
/// </summary>
public static class MatrixSheets
{
    private static readonly Choices<StBase> StBases = new(("MVA", StBase.Mva), ("PAUTA", StBase.Pauta), ("MAIOR_MVA_PAUTA", StBase.GreaterOfMvaAndPauta));
    private static readonly Choices<DifalMethod> DifalMethods = new(
        ("BASE_UNICA", DifalMethod.SingleBase), ("BASE_DUPLA", DifalMethod.DoubleBase), ("BASE_DUPLA_FCP", DifalMethod.DoubleBaseIncludingFcp));
    private static readonly Choices<PisCofinsRegime> Regimes = new(("CUMULATIVO", PisCofinsRegime.Cumulative), ("NAO_CUMULATIVO", PisCofinsRegime.NonCumulative));
    private static readonly Choices<RepasseKind> RepasseKinds = new(("GROSS_UP", RepasseKind.GrossUp), ("REDUCAO_ZFM", RepasseKind.ZfmReduction));
    private static readonly Choices<FreightCharge> FreightCharges = new(
        ("PERCENTUAL", FreightCharge.PercentOfValue), ("POR_UNIDADE", FreightCharge.PerUnit), ("POR_PEDIDO", FreightCharge.PerOrder));

    /// <summary>ICMS: CST/CSOSN, rate (blank: the interstate law's), base reduction, FCP.</summary>
    public static MatrixSheet<IcmsRule> Icms { get; } = new("ICMS",
        [new("CST/CSOSN", "cst", [.. IcmsRule.Codes.Order(StringComparer.Ordinal)]), new("Alíquota", "rate"),
            new("Redução de base", "baseReduction"), new("Alíquota FCP", "fcpRate")],
        c => new IcmsRule(c.Text(0), c.OptionalDecimal(1), c.Decimal(2, 0m), c.Decimal(3, 0m)),
        r => [r.Cst, Text(r.Rate), Text(r.BaseReduction), Text(r.FcpRate)],
        new("ICMS-SP-BA", new MatrixKey { OriginUf = Uf.SP, DestinationUf = Uf.BA }, new IcmsRule("00", 7m)));

    /// <summary>ICMS-ST: ST rate, MVA, base, interstate MVA adjustment, ST base reduction, pauta, FCP-ST.</summary>
    public static MatrixSheet<IcmsStRule> IcmsSt { get; } = new("ICMS-ST",
        [new("Alíquota ST", "stRate"), new("MVA", "mva"), new("Base ST", "base", StBases.Codes),
            PayloadColumn.Flag("Ajusta MVA interestadual", "adjustMvaForInterstate"), new("Redução de base ST", "stBaseReduction"),
            new("Pauta", "pauta"), new("Alíquota FCP-ST", "fcpStRate")],
        c => new IcmsStRule(c.Decimal(0), c.Decimal(1, 0m), c.Choice(2, StBases, StBase.Mva), c.Flag(3, false), c.Decimal(4, 0m),
            c.OptionalDecimal(5), c.Decimal(6, 0m)),
        r => [Text(r.StRate), Text(r.Mva), StBases.Code(r.Base), Flag(r.AdjustMvaForInterstate), Text(r.StBaseReduction), Text(r.Pauta), Text(r.FcpStRate)],
        new("ST-CERVEJA-SP", new MatrixKey { NcmPrefix = "2203", DestinationUf = Uf.SP }, new IcmsStRule(18m, 70m, AdjustMvaForInterstate: true)));

    /// <summary>IPI: CST, ad valorem rate or amount per unit, legal framework code (cEnq), freight in the base.</summary>
    public static MatrixSheet<IpiRule> Ipi { get; } = new("IPI",
        [new("CST", "cst", [.. IpiRule.Codes.Order(StringComparer.Ordinal)]), new("Alíquota", "rate"), new("Valor por unidade", "unitAmount"),
            new("Enquadramento", "legalFrameworkCode"), PayloadColumn.Flag("Frete na base", "freightInBase")],
        c => new IpiRule(c.Text(0), c.Decimal(1, 0m), c.OptionalDecimal(2), c.Text(3, "999"), c.Flag(4, true)),
        r => [r.Cst, Text(r.Rate), Text(r.UnitAmount), r.LegalFrameworkCode, Flag(r.FreightInBase)],
        new("IPI-8471", new MatrixKey { NcmPrefix = "8471" }, new IpiRule("50", 15m)));

    /// <summary>DIFAL: the destination's rate, single or double base, the destination's FCP.</summary>
    public static MatrixSheet<DifalRule> Difal { get; } = new("DIFAL",
        [new("Alíquota de destino", "destinationRate"), new("Método", "method", DifalMethods.Codes), new("Alíquota FCP de destino", "destinationFcpRate")],
        c => new DifalRule(c.Decimal(0), c.Choice(1, DifalMethods), c.Decimal(2, 0m)),
        r => [Text(r.DestinationRate), DifalMethods.Code(r.Method), Text(r.DestinationFcpRate)],
        new("DIFAL-BA", new MatrixKey { DestinationUf = Uf.BA }, new DifalRule(20.5m, DifalMethod.DoubleBase)));

    /// <summary>PIS/COFINS: regime, rates, CST, ICMS and FCP excluded from the base.</summary>
    public static MatrixSheet<PisCofinsRule> PisCofins { get; } = new("PIS-COFINS",
        [new("Regime", "regime", Regimes.Codes), new("Alíquota PIS", "pisRate"), new("Alíquota COFINS", "cofinsRate"),
            new("CST", "cst", [.. PisCofinsRule.Codes.Order(StringComparer.Ordinal)]),
            PayloadColumn.Flag("Exclui ICMS da base", "excludeIcmsFromBase"), PayloadColumn.Flag("Exclui FCP da base", "excludeFcpFromBase")],
        c => new PisCofinsRule(c.Choice(0, Regimes), c.Decimal(1), c.Decimal(2), c.Text(3, "01"), c.Flag(4, false), c.Flag(5, false)),
        r => [Regimes.Code(r.Regime), Text(r.PisRate), Text(r.CofinsRate), r.Cst, Flag(r.ExcludeIcmsFromBase), Flag(r.ExcludeFcpFromBase)],
        new("PIS-COFINS-PRESUMIDO", MatrixKey.Any, PisCofinsRule.Cumulative(excludeIcmsFromBase: true)));

    /// <summary>CBS/IBS: CST, cClassTrib, the three rates and the two reductions.</summary>
    public static MatrixSheet<CbsIbsRule> CbsIbs { get; } = new("CBS-IBS",
        [new("CST", "cst"), new("cClassTrib", "classTrib"), new("Alíquota CBS", "cbsRate"), new("Alíquota IBS UF", "ibsUfRate"),
            new("Alíquota IBS municipal", "ibsMunRate"), new("Redução CBS", "cbsReduction"), new("Redução IBS UF", "ibsUfReduction"),
            new("Redução IBS municipal", "ibsMunReduction")],
        c => new CbsIbsRule(c.Text(0), c.Text(1), c.Decimal(2), c.Decimal(3), c.Decimal(4), c.Decimal(5, 0m), c.Decimal(6, 0m), c.Decimal(7, 0m)),
        r => [r.Cst, r.ClassTrib, Text(r.CbsRate), Text(r.IbsUfRate), Text(r.IbsMunRate), Text(r.CbsReduction), Text(r.IbsUfReduction), Text(r.IbsMunReduction)],
        new("CBS-IBS-2026", new MatrixKey { Validity = new Validity(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)) }, CbsIbsRule.Test2026));

    /// <summary>PIS/COFINS repasse: gross-up or ZFM reduction, and the rates passed on.</summary>
    public static MatrixSheet<PisCofinsRepasseRule> PisCofinsRepasse { get; } = new("Repasse PIS-COFINS",
        [new("Tipo", "kind", RepasseKinds.Codes), new("Alíquota PIS", "pisRate"), new("Alíquota COFINS", "cofinsRate")],
        c => new PisCofinsRepasseRule(c.Choice(0, RepasseKinds), c.Decimal(1), c.Decimal(2)),
        r => [RepasseKinds.Code(r.Kind), Text(r.PisRate), Text(r.CofinsRate)],
        new("REPASSE-ZFM", new MatrixKey { DestinationUf = Uf.AM }, new PisCofinsRepasseRule(RepasseKind.ZfmReduction, 1.65m, 7.60m)));

    /// <summary>Approval (alçada): the largest discount a role gives without approval.</summary>
    public static MatrixSheet<ApprovalRule> Approval { get; } = new("Alçada",
        [new("Desconto máximo", "maximumDiscountRate")],
        c => new ApprovalRule(c.Decimal(0)),
        r => [Text(r.MaximumDiscountRate)],
        new("ALCADA-VENDEDOR", new MatrixKey { Role = "VENDEDOR" }, new ApprovalRule(5m)));

    /// <summary>Commission: the rate on the net merchandise value.</summary>
    public static MatrixSheet<CommissionRule> Commission { get; } = new("Comissão",
        [new("Comissão", "rate")],
        c => new CommissionRule(c.Decimal(0)),
        r => [Text(r.Rate)],
        new("COMISSAO-LINHA-A", new MatrixKey { ProductLine = "A" }, new CommissionRule(3m)));

    /// <summary>Customer × payment condition: allowed or not, and the financial surcharge.</summary>
    public static MatrixSheet<CustomerPaymentConditionRule> PaymentCondition { get; } = new("Condição de pagamento",
        [PayloadColumn.Flag("Permitida", "allowed"), new("Acréscimo financeiro", "financialSurchargeRate")],
        c => new CustomerPaymentConditionRule(c.Flag(0), c.Decimal(1, 0m)),
        r => [Flag(r.Allowed), Text(r.FinancialSurchargeRate)],
        new("COND-30DD-GRUPO-10", new MatrixKey { PaymentCondition = "30DD", CustomerGroup = "10" }, new CustomerPaymentConditionRule(true, 1.5m)));

    /// <summary>Discount or surcharge, in percent of the price.</summary>
    public static MatrixSheet<DiscountSurchargeRule> DiscountSurcharge { get; } = new("Desconto-Acréscimo",
        [new("Desconto", "discountRate"), new("Acréscimo", "surchargeRate")],
        c => new DiscountSurchargeRule(c.Decimal(0, 0m), c.Decimal(1, 0m)),
        r => [Text(r.DiscountRate), Text(r.SurchargeRate)],
        new("DESCONTO-REVENDA", new MatrixKey { ClientType = "REVENDA" }, new DiscountSurchargeRule(DiscountRate: 5m)));

    /// <summary>Freight: how it is charged, the value, the order value from which it is free.</summary>
    public static MatrixSheet<FreightRule> Freight { get; } = new("Frete",
        [new("Cobrança", "charge", FreightCharges.Codes), new("Valor", "value"), new("Grátis a partir de", "freeFromOrderValue")],
        c => new FreightRule(c.Choice(0, FreightCharges), c.Decimal(1), c.OptionalDecimal(2)),
        r => [FreightCharges.Code(r.Charge), Text(r.Value), Text(r.FreeFromOrderValue)],
        new("FRETE-BA", new MatrixKey { DestinationUf = Uf.BA }, new FreightRule(FreightCharge.PercentOfValue, 3m, 5_000m)));

    /// <summary>Minimum unit price and minimum order value.</summary>
    public static MatrixSheet<MinimumValueRule> MinimumValue { get; } = new("Valor mínimo",
        [new("Preço unitário mínimo", "minimumUnitPrice"), new("Valor mínimo do pedido", "minimumOrderValue")],
        c => new MinimumValueRule(c.OptionalDecimal(0), c.OptionalDecimal(1)),
        r => [Text(r.MinimumUnitPrice), Text(r.MinimumOrderValue)],
        new("MINIMO-PEDIDO", new MatrixKey { Establishment = "1" }, new MinimumValueRule(MinimumOrderValue: 500m)));

    /// <summary>Negotiation scenario: the scenario, its price table, largest discount and minimum margin.</summary>
    public static MatrixSheet<NegotiationRule> Negotiation { get; } = new("Negociação",
        [new("Cenário", "scenario"), new("Tabela de preço", "priceTable"), new("Desconto máximo", "maximumDiscountRate"), new("Margem mínima", "minimumMarginRate")],
        c => new NegotiationRule(c.Text(0), c.Text(1), c.Decimal(2, 0m), c.OptionalDecimal(3)),
        r => [r.Scenario, r.PriceTable, Text(r.MaximumDiscountRate), Text(r.MinimumMarginRate)],
        new("CENARIO-WEB", new MatrixKey { SalesChannel = "WEB" }, new NegotiationRule("PADRAO", "TAB01", 10m, 15m)));

    /// <summary>Unit × product: the conversion factor and the quantity multiple.</summary>
    public static MatrixSheet<UnitConversionRule> UnitConversion { get; } = new("Unidade-Produto",
        [new("Fator", "factor"), new("Múltiplo", "multiple")],
        c => new UnitConversionRule(c.Decimal(0), c.OptionalDecimal(1)),
        r => [Text(r.Factor), Text(r.Multiple)],
        new("CAIXA-12", new MatrixKey { Product = "PROD-1", Unit = "CX" }, new UnitConversionRule(12m, 1m)));

    /// <summary>Every matrix sheet, tax matrices first.</summary>
    public static IReadOnlyList<IMatrixSheet> All { get; } =
        [Icms, IcmsSt, Ipi, Difal, PisCofins, CbsIbs, PisCofinsRepasse, Approval, Commission, PaymentCondition, DiscountSurcharge, Freight, MinimumValue, Negotiation, UnitConversion];

    /// <summary>The sheet of the matrix named <paramref name="name"/> (<c>icms</c>, <c>icms_st</c>…, ignoring case), or null.</summary>
    public static IMatrixSheet? Named(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
