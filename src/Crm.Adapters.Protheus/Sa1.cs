using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Mapping;
using NodaTime;

namespace Crm.Adapters.Protheus;

/// <summary>
/// The domains of Protheus table SA1 (customers), after the release 27 data dictionary (GitHub
/// <c>AlencarGabriel/Dicionario-dados-Protheus</c>, <c>Release 27/sa1.md</c>; ERP.md §2.1).
/// </summary>
public static class Sa1
{
    /// <summary>The values of <c>A1_TIPO</c>: F Cons. Final, L Produtor Rural, R Revendedor, S Solidário, X Exportação.</summary>
    public const string CustomerTypes = "FLRSX";

    /// <summary>The custom CRM field that carries <c>A1_TIPO</c> (TOTVS: "A1_TIPO needs a custom CRM field").</summary>
    public const string CustomerTypeField = "A1_TIPO";

    /// <summary>True when <paramref name="value"/> is one <c>A1_TIPO</c> letter.</summary>
    public static bool IsCustomerType(string? value) => value is { Length: 1 } && CustomerTypes.Contains(value[0], StringComparison.Ordinal);

    /// <summary><c>A1_PESSOA</c>: F for a física, J otherwise (a foreigner is a J with <c>A1_TIPO</c> X).</summary>
    public static char Pessoa(PersonKind kind) => kind == PersonKind.Fisica ? 'F' : 'J';

    /// <summary><c>A1_MSBLQL</c>: 1 blocked (inactive), 2 free (active).</summary>
    public static char Msblql(ErpSituation situation) => situation == ErpSituation.Inactive ? '1' : '2';

    /// <summary>The situation of <c>A1_MSBLQL</c>.</summary>
    public static ErpSituation SituationOf(char msblql) => msblql == '1' ? ErpSituation.Inactive : ErpSituation.Active;

    /// <summary><c>registerSituation</c> of the message for <c>A1_MSBLQL</c> (TOTVS: "'1' = Inativo; '2' = Ativo" converted).</summary>
    public static string RegisterSituation(char msblql) => msblql == '1' ? "2" : "1";

    /// <summary><c>A1_MSBLQL</c> for a <c>registerSituation</c>: 1 Ativo is free, every other (Inativo, Cancelado, Pendente, Suspenso) blocked.</summary>
    public static char MsblqlOf(string? registerSituation) => registerSituation is null or "1" ? '2' : '1';

    /// <summary>The largest <c>A1_LC</c> (N 14,2): 11 integer digits and 2 decimals.</summary>
    public const decimal MaxCreditLimit = 99_999_999_999.99m;
}

/// <summary>A customer's credit in Protheus (<c>A1_LC</c>, <c>A1_MOEDALC</c>, <c>A1_VENCLC</c>).</summary>
/// <param name="Limit">The credit limit.</param>
/// <param name="Currency">The limit's currency (1 = real).</param>
/// <param name="DueDate">When the limit expires.</param>
public sealed record CustomerCredit(decimal Limit, int Currency, LocalDate? DueDate)
{
    /// <summary>
    /// What is left to buy on credit, as Protheus' credit-limit API computes it (FATS900, TOTVS
    /// <c>CustomerCreditLimit_1_000.json</c>): <c>A1_LC − A1_SALDUPM − A1_SALPEDL</c>, nothing once the limit expired.
    /// </summary>
    /// <param name="openTitles"><c>A1_SALDUPM</c>: open receivables in the limit's currency.</param>
    /// <param name="releasedOrders"><c>A1_SALPEDL</c>: released orders not yet invoiced.</param>
    /// <param name="today">Today.</param>
    public decimal Available(decimal openTitles, decimal releasedOrders, LocalDate today) =>
        DueDate is { } due && today > due ? 0m : Limit - openTitles - releasedOrders;

    /// <summary>The credit in <paramref name="info"/>, or null without a limit; a limit outside N 14,2 is refused.</summary>
    public static CustomerCredit? Of(ProtheusCreditInformation? info)
    {
        if (info?.CreditLimit is not { } limit)
            return null;
        if (limit < 0 || limit > Sa1.MaxCreditLimit || decimal.Round(limit, 2) != limit)
            throw new FormatException($"A1_LC {limit} does not fit N 14,2.");
        return new CustomerCredit(limit, info.CreditLimitCurrency ?? 1, PayloadText.ParseIso(info.CreditLimitDate));
    }
}
