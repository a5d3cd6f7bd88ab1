namespace Crm.Imports;

/// <summary>One problem in an imported sheet, where a user can find and fix it.</summary>
/// <param name="Row">The sheet row (1 is the header).</param>
/// <param name="Column">The column's header, or null when the problem is the row's as a whole.</param>
/// <param name="Code">A stable identifier (<c>import.*</c>, or a domain rule's code once the engine validates the form).</param>
/// <param name="Message">What is wrong, in the user's terms.</param>
public sealed record ImportProblem(int Row, string? Column, string Code, string Message);

/// <summary>The problem codes of the mapping from cells to forms.</summary>
public static class ImportCodes
{
    /// <summary>A column the import needs is not in the header.</summary>
    public const string ColumnMissing = "import.column.missing";
    /// <summary>A header appears twice.</summary>
    public const string ColumnDuplicated = "import.column.duplicated";
    /// <summary>A required cell is blank.</summary>
    public const string Required = "import.cell.required";
    /// <summary>A cell is not one of its column's allowed values.</summary>
    public const string NotAllowed = "import.cell.not_allowed";
    /// <summary>A cell that must be a number, a date or a decimal is not.</summary>
    public const string Malformed = "import.cell.malformed";
    /// <summary>A cell longer than the engine stores (a matrix rule's id).</summary>
    public const string TooLong = "import.cell.too_long";
    /// <summary>A CPF/CNPJ cell has neither 11 (CPF) nor 14 (CNPJ) digits.</summary>
    public const string TaxIdShape = "import.customer.tax_id_shape";
    /// <summary>The same key (external code + origin) appears on two rows of the file.</summary>
    public const string DuplicateKey = "import.customer.duplicate_key";
    /// <summary>A sales table without its billing location and warehouse (or the reverse).</summary>
    public const string SalesTableIncomplete = "import.customer.sales_table_incomplete";
    /// <summary>A section (address, phone, responsible person) partly filled without its identifying cell.</summary>
    public const string SectionIncomplete = "import.customer.section_incomplete";
    /// <summary>The same CRM id (lead, contact) appears on two rows of the file.</summary>
    public const string DuplicateId = "import.row.duplicate_id";
    /// <summary>A contact row names both a lead and an account, or neither.</summary>
    public const string OwnerAmbiguous = "import.contact.owner";
}
