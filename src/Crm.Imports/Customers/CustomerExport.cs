using Crm.Domain.Accounts.Registration;
using Crm.Imports.Reading;
using Crm.Imports.Writing;

namespace Crm.Imports.Customers;

/// <summary>The customer sheet written: its template, and an export in the import's own columns (so it re-imports to the same data).</summary>
public static class CustomerExport
{
    /// <summary>The xlsx template: the headers, <see cref="CustomerColumns.Example"/> and the allowed values as data-validation lists.</summary>
    public static void WriteTemplate(Stream output) =>
        SheetWriter.Write(output, ImportFormat.Xlsx, CustomerColumns.All, [CustomerColumns.Example], "Clientes");

    /// <summary>Writes <paramref name="customers"/> (already filtered by what the user may see) in <paramref name="format"/>.</summary>
    public static void Write(Stream output, ImportFormat format, IEnumerable<CustomerRow> customers) =>
        SheetWriter.Write(output, format, CustomerColumns.All, customers.Select(Cells), "Clientes");

    /// <summary>A customer's cells in <see cref="CustomerColumns.All"/>'s order; only the first address, phone, e-mail and responsible person have columns.</summary>
    public static IReadOnlyList<string?> Cells(CustomerRow customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var f = customer.Form;
        return
        [
            RegistrationCells.TaxIdCell(f), customer.Key.ExternalCode, customer.Key.Origin,
            Imports.Cells.Flag(f.Kind == PersonKind.Estrangeiro), f.ClientType,
            .. RegistrationCells.Cells(f),
            customer.SalesTable?.SalesTable, customer.SalesTable?.BillingLocation, customer.SalesTable?.Warehouse,
        ];
    }
}
