// The tests shorten the migration lock's wait to reach its timeout.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Crm.Persistence.Tests")]
