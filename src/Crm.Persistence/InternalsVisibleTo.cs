// The tests reach the storage formats and the query paths directly (e.g. the change history's document, the page
// query's short window).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Crm.Persistence.Tests")]
// PostgreSQL's context writes a save's bulk rows by binary COPY (CrmDbContext.BulkInsertAsync).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Crm.Persistence.PostgreSql")]
