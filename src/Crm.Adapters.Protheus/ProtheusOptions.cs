using Microsoft.Extensions.Options;

namespace Crm.Adapters.Protheus;

/// <summary>Where the customers go in Protheus, and how the transport reaches its REST server.</summary>
public sealed class ProtheusOptions
{
    /// <summary>The company group (<i>grupo de empresas</i>, e.g. <c>T1</c>).</summary>
    public string CompanyId { get; set; } = "01";

    /// <summary><c>A1_FILIAL</c> (2 to 12 characters depending on the layout; blank when SA1 is shared).</summary>
    public string BranchId { get; set; } = "";

    /// <summary><c>A1_LOJA</c> of new customers (2 characters).</summary>
    public string StoreId { get; set; } = "01";

    /// <summary><c>A1_TIPO</c> of accounts without the <c>A1_TIPO</c> custom field: F, L, R, S or X.</summary>
    public string DefaultCustomerType { get; set; } = "F";

    /// <summary>
    /// <c>C6_OPER</c> of order items (2 characters): the TES inteligente operation whose rules pick each item's TES; the CRM does
    /// not know TES codes. 01 (venda) unless the company's operations say otherwise.
    /// </summary>
    public string SalesOperation { get; set; } = "01";

    /// <summary>The Protheus REST server (<c>…/rest/api/crm/v1/customerVendor</c>); for the transport.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The Protheus user of the transport.</summary>
    public string? Username { get; set; }

    /// <summary>The Protheus password: a secret, never shown by <see cref="ToString"/> or in validation messages.</summary>
    public string? Password { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ProtheusOptions {{ CompanyId = {CompanyId}, BranchId = {BranchId}, StoreId = {StoreId}, DefaultCustomerType = {DefaultCustomerType}, SalesOperation = {SalesOperation}, " +
        $"BaseUrl = {BaseUrl}, Username = {Username}, Password = {(Password is null ? "(none)" : "***")} }}";
}

/// <summary>Validates <see cref="ProtheusOptions"/>, every failure at once.</summary>
public sealed class ProtheusOptionsValidator : IValidateOptions<ProtheusOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProtheusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CompanyId))
            failures.Add("Protheus: CompanyId (grupo de empresas) is required.");
        if (options.BranchId is null || options.BranchId.Length > 12)
            failures.Add("Protheus: BranchId (A1_FILIAL) has at most 12 characters.");
        if (options.StoreId is not { Length: 2 })
            failures.Add($"Protheus: StoreId (A1_LOJA) must have 2 characters, not '{options.StoreId}'.");
        if (!Sa1.IsCustomerType(options.DefaultCustomerType))
            failures.Add($"Protheus: DefaultCustomerType '{options.DefaultCustomerType}' is not an A1_TIPO (F, L, R, S or X).");
        if (options.SalesOperation is not { Length: 1 or 2 } || string.IsNullOrWhiteSpace(options.SalesOperation))
            failures.Add($"Protheus: SalesOperation (C6_OPER) has 1 or 2 characters, not '{options.SalesOperation}'.");
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            failures.Add($"Protheus: BaseUrl '{url}' must be an absolute http(s) address of the REST server.");
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
            failures.Add("Protheus: Username and Password go together; give both or neither.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
