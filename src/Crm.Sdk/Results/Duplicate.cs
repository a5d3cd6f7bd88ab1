using Crm.Domain.Accounts.Registration;
using Crm.Domain.Problems;

namespace Crm.Sdk;

/// <summary>
/// The registration repeats what another lead or account of the tenant holds (same CPF/CNPJ, or the same short name):
/// nothing was written. <see cref="Problems"/> lists every problem of the form, the duplicates among them.
/// </summary>
/// <param name="Existing">The records it repeats that the user sees (those outside its scope are left out; the problems still name the value).</param>
/// <param name="Problems">Every problem found (duplicates first-class among them), errors and warnings.</param>
public sealed record Duplicate(IReadOnlyList<RegistrationRef> Existing, IReadOnlyList<Problem> Problems);
