namespace Crm.Domain.Organization;

/// <summary>The stable problem codes of organization (never change a shipped string: hosts and ERPs match on it).</summary>
public static class OrganizationCodes
{
    /// <summary><c>branch.matriz.required</c>: branch matriz required.</summary>
    public const string BranchMatrizRequired = "branch.matriz.required";

    /// <summary><c>cnpj.duplicate</c>: cnpj duplicate.</summary>
    public const string CnpjDuplicate = "cnpj.duplicate";

    /// <summary><c>cnpj.root_mismatch</c>: cnpj root mismatch.</summary>
    public const string CnpjRootMismatch = "cnpj.root_mismatch";

    /// <summary><c>erp_code.duplicate</c>: erp code duplicate.</summary>
    public const string ErpCodeDuplicate = "erp_code.duplicate";

    /// <summary><c>erp_code.required</c>: erp code required.</summary>
    public const string ErpCodeRequired = "erp_code.required";

    /// <summary><c>erp_code.too_long</c>: erp code too long.</summary>
    public const string ErpCodeTooLong = "erp_code.too_long";

    /// <summary><c>name.required</c>: name required.</summary>
    public const string NameRequired = "name.required";

    /// <summary><c>name.too_long</c>: name too long.</summary>
    public const string NameTooLong = "name.too_long";

    /// <summary><c>trade_name.too_long</c>: trade name too long.</summary>
    public const string TradeNameTooLong = "trade_name.too_long";
}
