using Crm.Domain.Accounts.Registration;
using Crm.Domain.Orders;

namespace Crm.Sdk.Accounts;

/// <summary>The Portuguese words of a timeline's details that are not a value's label (those are <see cref="PortugueseLabels"/>).</summary>
internal static class TimelineLabels
{
    /// <summary>An order status as its history stores it (the enum's name), in <see cref="PortugueseLabels"/>' words; an unknown name as it is.</summary>
    public static string OrderStatus(string? stored) => Enum.TryParse<SalesOrderStatus>(stored, out var status) ? PortugueseLabels.Of(status) : stored ?? "";

    /// <summary>
    /// What users call a field of the registration history: the label of the registration field its path starts with
    /// (<c>addresses.billing.street</c>: Endereço de cobrança), the ERP's data as one, else the path itself.
    /// </summary>
    public static string Field(string path)
    {
        foreach (var field in Fields)
            if (path == field.Path() || path.StartsWith(field.Path() + ".", StringComparison.Ordinal) || path.StartsWith(field.Path() + "[", StringComparison.Ordinal))
                return field.Label();
        return path.StartsWith("erp", StringComparison.Ordinal) ? "Dados do ERP" : path;
    }

    // The longest paths first, so that addresses.billing wins over a shorter path it starts with.
    private static readonly RegistrationField[] Fields = [.. Enum.GetValues<RegistrationField>().OrderByDescending(f => f.Path().Length)];
}
