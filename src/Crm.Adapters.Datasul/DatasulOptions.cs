using Microsoft.Extensions.Options;

namespace Crm.Adapters.Datasul;

/// <summary>The Datasul CRM parameters the adapter honours, and where the EMS REST API is.</summary>
public sealed class DatasulOptions
{
    /// <summary>
    /// <c>INTEGR_ERP_EMS</c>: "O CRM está integrado ao ERP - DATASUL 11 (EMS)? - Integração On-Line". On by default: registering
    /// the adapter means integrating with EMS.
    /// </summary>
    public bool IntegrErpEms { get; set; } = true;

    /// <summary><c>INTEGR_GP</c>: accounts are sent to <i>Gestão de Planos</i> (only those that came from GP).</summary>
    public bool IntegrGp { get; set; }

    /// <summary>The EMS host serving <c>/api/cdp/v1/customerPublic</c>; for the transport.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary><c>emitente.modalidade</c> sent with every new customer (required by EMS; 1 Cb Simples … 9 Nota Promissória).</summary>
    public int Modality { get; set; } = 1;

    /// <summary>The EMS user of the transport.</summary>
    public string? Username { get; set; }

    /// <summary>The EMS password: a secret, never shown by <see cref="ToString"/> or in validation messages.</summary>
    public string? Password { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"DatasulOptions {{ INTEGR_ERP_EMS = {IntegrErpEms}, INTEGR_GP = {IntegrGp}, BaseUrl = {BaseUrl}, Modality = {Modality}, " +
        $"Username = {Username}, Password = {(Password is null ? "(none)" : "***")} }}";
}

/// <summary>Validates <see cref="DatasulOptions"/>, every failure at once.</summary>
public sealed class DatasulOptionsValidator : IValidateOptions<DatasulOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DatasulOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IntegrErpEms && !options.IntegrGp)
            failures.Add("Datasul: INTEGR_ERP_EMS and INTEGR_GP are both off; turn one on, or do not register the Datasul adapter.");
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            failures.Add($"Datasul: BaseUrl '{url}' must be an absolute http(s) address of the EMS host.");
        if (options.Modality is < 1 or > 9)
            failures.Add($"Datasul: Modality {options.Modality} is not an EMS modalidade (1 Cb Simples … 9 Nota Promissória).");
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
            failures.Add("Datasul: Username and Password go together; give both or neither.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
