using System.Text.Json.Serialization;
using Crm.Adapters.Http;
using Crm.Domain.Integration.Mapping;

namespace Crm.Adapters.Protheus;

/// <summary>
/// A customer's credit as the Protheus credit-limit API answers it (<c>/api/fat/v1/CustomerCreditLimit</c>, FATS900; TOTVS
/// <c>CustomerCreditLimit_1_000.json</c>, <c>CustomerCreditLimitInfo</c>).
/// </summary>
public sealed record ProtheusCreditLimit
{
    /// <summary><c>A1_FILIAL|A1_COD|A1_LOJA</c>.</summary>
    [JsonPropertyName("CustomerInternalId")] public string? CustomerInternalId { get; init; }
    /// <summary><c>A1_VENCLC</c>, when the limit expires.</summary>
    [JsonPropertyName("LimitDate")] public string? LimitDate { get; init; }
    /// <summary><c>A1_LC</c>, the limit granted.</summary>
    [JsonPropertyName("TotalCreditLimit")] public decimal? TotalCreditLimit { get; init; }
    /// <summary><c>A1_LC − A1_SALDUPM − A1_SALPEDL</c>: the credit left.</summary>
    [JsonPropertyName("CreditLimit")] public decimal? CreditLimit { get; init; }
    /// <summary><c>A1_SALDUP</c>: what invoices not yet paid use of the limit.</summary>
    [JsonPropertyName("CreditLimitUsedByBilling")] public decimal? CreditLimitUsedByBilling { get; init; }
    /// <summary><c>A1_SALPED + A1_SALPEDL</c>: what open and released sales orders use of it.</summary>
    [JsonPropertyName("CreditLimitUsedBySalesOrders")] public decimal? CreditLimitUsedBySalesOrders { get; init; }
}

/// <summary>
/// What Protheus says of the account for the pull: the customer (<c>customerVendor</c>: code, <c>A1_MSBLQL</c>, <c>A1_LC</c>,
/// <c>A1_VENCLC</c>) and its credit (<see cref="ProtheusCreditLimit"/>: open balance, credit left). The <c>customerVendor</c>
/// message has no last purchase (SA1's <c>A1_ULTCOM</c> is not in it), so that is <see cref="ErpAccountState.NotExposed"/>.
/// </summary>
public static class ProtheusAccountState
{
    /// <summary>The state of <paramref name="customer"/> with its <paramref name="credit"/>; null when the customer has no code.</summary>
    /// <param name="customer">The customer read.</param>
    /// <param name="credit">Its credit, read from the credit-limit API.</param>
    /// <param name="defaultStoreId">The store (<c>A1_LOJA</c>) when the answer does not name one.</param>
    public static ErpAccountState? Of(ProtheusCustomer customer, ProtheusCreditLimit credit, string defaultStoreId)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(credit);
        if (customer.Code is not { } code)
            return null;
        var msblql = Sa1.MsblqlOf(customer.RegisterSituation);
        return new ErpAccountState
        {
            ErpCode = code + (customer.StoreId ?? defaultStoreId),
            Situation = Sa1.SituationOf(msblql),
            NotExposed = ErpStateFields.LastPurchase,
            // registerSituation 1 = Ativo (A1_MSBLQL 2), 2 = Inativo (A1_MSBLQL 1, bloqueado) (ERP.md §2, SA1); an answer
            // without it, or with a value outside the enum, says nothing.
            Blocked = customer.RegisterSituation switch { "1" => false, "2" => true, _ => null },
            CreditLimit = credit.TotalCreditLimit ?? customer.CreditInformation?.CreditLimit,
            CreditLimitDueDate = PayloadText.ParseIso(credit.LimitDate ?? customer.CreditInformation?.CreditLimitDate),
            OpenBalance = credit.CreditLimitUsedByBilling,
            AvailableCredit = credit.CreditLimit,
        };
    }
}
