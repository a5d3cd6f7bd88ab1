using Crm.Domain.Accounts.Registration;

namespace Crm.Imports.Customers;

/// <summary>The import key: the customer's code in the source system and that system. Importing the same key again updates, never duplicates.</summary>
/// <param name="ExternalCode">The code in the source system.</param>
/// <param name="Origin">The source system, upper-cased.</param>
public sealed record CustomerKey(string ExternalCode, string Origin);

/// <summary>The sales table a customer buys from, bound to the billing location and warehouse it applies to (seed 003).</summary>
/// <param name="SalesTable">The price table code.</param>
/// <param name="BillingLocation">The billing location (establishment) code.</param>
/// <param name="Warehouse">The warehouse code.</param>
public sealed record SalesTableBinding(string SalesTable, string BillingLocation, string Warehouse);

/// <summary>One well-formed customer row, ready for the registration rules (which the engine runs, as for a typed form).</summary>
/// <param name="Row">The sheet row.</param>
/// <param name="Key">External code + origin.</param>
/// <param name="Form">The registration form the cells make.</param>
/// <param name="SalesTable">The sales table binding, when the row has one.</param>
public sealed record CustomerRow(int Row, CustomerKey Key, RegistrationForm Form, SalesTableBinding? SalesTable);
