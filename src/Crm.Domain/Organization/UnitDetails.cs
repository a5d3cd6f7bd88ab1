using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using Crm.Domain.Texts;

namespace Crm.Domain.Organization;

/// <summary>What a company or a branch is entered with; the raw text of the registration screen.</summary>
/// <param name="ErpCode">Its code in the ERP (<i>Código da Empresa</i> / <i>Código da filial</i>).</param>
/// <param name="Name">Legal name (<i>razão social</i>).</param>
/// <param name="TradeName">Trade name (<i>nome fantasia</i>).</param>
/// <param name="Cnpj">CNPJ, masked or not.</param>
public sealed record UnitForm(string? ErpCode, string? Name, string? TradeName = null, string? Cnpj = null)
{
    /// <summary>
    /// "Duplicar informações" (seed 001): a form filled with another company's or branch's data, under a new ERP code and
    /// CNPJ (a CNPJ names one establishment, so it is never copied).
    /// </summary>
    public static UnitForm CopyOf(UnitDetails source, string erpCode, string? cnpj = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new UnitForm(erpCode, source.Name, source.TradeName, cnpj);
    }
}

/// <summary>The validated data of a company or branch.</summary>
public sealed record UnitDetails
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = TextLimits.CompanyName;

    private UnitDetails(MasterDataCode erpCode, string name, string? tradeName, Cnpj? cnpj) =>
        (ErpCode, Name, TradeName, Cnpj) = (erpCode, name, tradeName, cnpj);

    /// <summary>Its code in the ERP, upper case.</summary>
    public MasterDataCode ErpCode { get; }

    /// <summary>Legal name.</summary>
    public string Name { get; }

    /// <summary>Trade name.</summary>
    public string? TradeName { get; }

    /// <summary>CNPJ.</summary>
    public Cnpj? Cnpj { get; }

    /// <summary>The details of <paramref name="form"/>, or null with its problems added to <paramref name="problems"/>.</summary>
    internal static UnitDetails? Validate(UnitForm form, ref ProblemCollector problems)
    {
        ArgumentNullException.ThrowIfNull(form);
        problems.Text(form.ErpCode, "erp_code");
        var code = MasterDataCode.From(form.ErpCode);
        if (code is null)
            problems.Add("erp_code", TextRule.Clean(form.ErpCode) is null ? OrganizationCodes.ErpCodeRequired : OrganizationCodes.ErpCodeTooLong,
                $"Informe o código no ERP, com até {MasterDataCode.MaxLength} caracteres.");
        var name = problems.Text(form.Name, "name");
        if (name is null)
            problems.Add("name", OrganizationCodes.NameRequired, "Informe a razão social.");
        else if (TextRule.IsLongerThan(name, MaxNameLength))
            problems.Add("name", OrganizationCodes.NameTooLong, $"A razão social tem no máximo {MaxNameLength} caracteres.");
        var tradeName = problems.Text(form.TradeName, "trade_name");
        if (tradeName is not null && TextRule.IsLongerThan(tradeName, MaxNameLength))
            problems.Add("trade_name", OrganizationCodes.TradeNameTooLong, $"O nome fantasia tem no máximo {MaxNameLength} caracteres.");
        var cnpj = problems.ParseOptional(form.Cnpj, Registry.Cnpj.Parse, "cnpj");
        return problems.HasErrors ? null : new UnitDetails(code!.Value, name!, tradeName, cnpj);
    }
}
