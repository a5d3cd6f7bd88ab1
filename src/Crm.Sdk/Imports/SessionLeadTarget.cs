using Crm.Domain.Access;
using Crm.Domain.Accounts;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Imports.Customers;
using Crm.Imports.Leads;
using Crm.Persistence;
using Crm.Persistence.Access;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Imports;

/// <summary>
/// The engine's side of a lead import (<see cref="SessionImportTarget{TRow}"/>). A row names its lead by CRM id (as an export
/// writes it; a lead the user does not see, or none, is <c>lead.not_found</c>); a row without one is the visible lead with
/// its CPF/CNPJ when there is one (so a file of new leads imported twice changes nothing the second time), otherwise a new
/// lead. The batch's leads are read in two queries; each row is then judged as the typed lead form is.
/// </summary>
internal sealed class SessionLeadTarget(CrmSession session) : SessionImportTarget<LeadRow>(session, "imports.leads")
{
    protected override async Task<IReadOnlyList<CustomerOutcome>> JudgeAsync(UnitOfWork work, IReadOnlyList<LeadRow> batch)
    {
        var ids = batch.Where(r => r.Id is not null).Select(r => r.Id!.Value).Distinct().ToList();
        var taxIds = batch.Where(r => r.Id is null).Select(TaxIdOf).OfType<string>().Distinct().ToList();
        var visible = work.Db.Leads.VisibleTo(work.Access.Scope!);
        var byId = ids.Count == 0 ? [] : await visible.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, work.Cancellation).ConfigureAwait(false);
        var byTaxId = taxIds.Count == 0 ? [] : (await visible.Where(l => taxIds.Contains(EF.Property<string>(l, CrmQueries.TaxId)))
            .ToListAsync(work.Cancellation).ConfigureAwait(false)).DistinctBy(l => l.Data.TaxId!.Digits).ToDictionary(l => l.Data.TaxId!.Digits);
        var rows = await PartyRows.OfAsync(work, Module.Leads, RegistrationKind.Lead).ConfigureAwait(false);
        // Each row's lead and first pass, the batch's duplicate keys read ahead, then each row judged.
        var plans = batch.Select(row =>
        {
            var lead = row.Id is { } id ? byId.GetValueOrDefault(id) : TaxIdOf(row) is { } digits ? byTaxId.GetValueOrDefault(digits) : null;
            return (row, lead, pass: row.Id is not null && lead is null ? null
                : lead is not null ? rows.Update(lead, lead.Id, row.Form) : rows.Register(row.Form, new LeadId(Guid.NewGuid())));
        }).ToList();
        await rows.PreloadAsync().ConfigureAwait(false);
        var outcomes = new List<CustomerOutcome>(batch.Count);
        foreach (var (row, lead, pass) in plans)
            outcomes.Add(pass is null ? Rejected(new NotFound("lead", row.Id!.Value.Value).ToProblem())
                : lead is not null ? await rows.UpdateAsync(lead, pass).ConfigureAwait(false)
                : await rows.RegisterAsync(pass, valid => Lead.Register(pass.Context.Self!.AsT0, work.Tenant, valid, work.User, work.Clock)).ConfigureAwait(false));
        return outcomes;
    }

    // The digits of a Brazilian row's CPF/CNPJ (the search column's form); null for a foreigner or a blank one.
    private static string? TaxIdOf(LeadRow row) =>
        row.Form.Kind is PersonKind.Estrangeiro || row.Form.TaxId is null ? null
            : new string([.. row.Form.TaxId.Where(char.IsAsciiDigit)]) is { Length: > 0 } digits ? digits : null;
}
