using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Contacts;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using NodaTime;
using OneOf;

namespace Crm.Domain.Accounts.Merging;

/// <summary>A completed merge.</summary>
/// <param name="Survivor">The account that remains, with both registrations combined and the absorbed history kept.</param>
/// <param name="Absorbed">The account merged away: kept read-only, pointing at the survivor, so the host can move its other
/// relations (opportunities, orders, cards...) and remove it from the duplicate index.</param>
/// <param name="Contacts">The absorbed account's contacts, now the survivor's.</param>
/// <param name="Warnings">Warnings of the combined registration.</param>
public sealed record Merge(Account Survivor, Account Absorbed, IReadOnlyList<Contact> Contacts, IReadOnlyList<Problem> Warnings);

/// <summary>
/// Merges a duplicate account into another. The survivor's values win; the absorbed account fills the survivor's blanks and
/// adds every address (its delivery places and, where the survivor has none, its correspondence or billing address), phone,
/// e-mail, electronic contact, observation, responsible person, custom field and the newer marketing answer per channel.
/// Refused when both accounts are ERP customers (they must be unified in the ERP first) or have different CPF/CNPJ.
/// </summary>
public static class AccountMerge
{
    /// <summary>Merges <paramref name="absorbed"/> into <paramref name="survivor"/>, or lists every problem; nothing changes unless it succeeds.</summary>
    /// <param name="survivor">The account that remains.</param>
    /// <param name="absorbed">The account merged away.</param>
    /// <param name="absorbedContacts">All contacts of the absorbed account.</param>
    /// <param name="context">The account context (settings, short-name owner); duplicates are not re-checked, the merge resolves them.</param>
    /// <param name="by">Who merges.</param>
    /// <param name="clock">The clock.</param>
    public static Outcome<Merge> Run(Account survivor, Account absorbed, IReadOnlyList<Contact> absorbedContacts,
        RegistrationContext context, UserId by, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(absorbed);
        ArgumentNullException.ThrowIfNull(absorbedContacts);
        ArgumentNullException.ThrowIfNull(context);
        if (absorbedContacts.Any(c => !c.Owner.Equals((RegistrationRef)absorbed.Id)))
            throw new ArgumentException("Every contact must belong to the absorbed account.", nameof(absorbedContacts));

        var problems = Preconditions(survivor, absorbed);
        var shortNameOwner = context.ShortNameOwner is { } owner && owner.Equals((RegistrationRef)absorbed.Id) ? null : context.ShortNameOwner;
        var result = RegistrationRules.Validate(Combine(survivor.Data.ToForm(), absorbed.Data.ToForm()),
            context with { Kind = RegistrationKind.Account, Self = survivor.Id, ShortNameOwner = shortNameOwner, CheckDuplicates = null });
        problems.AddRange(result.Problems);
        if (!result.TryPickT0(out var merged, out _) || problems.HasErrors)
            return problems.ToInvalid();

        survivor.Absorb(absorbed, merged, by, clock);
        absorbed.MarkMergedInto(survivor.Id, by, clock);
        foreach (var contact in absorbedContacts)
            contact.MoveTo(survivor.Id, by, clock);
        return new Merge(survivor, absorbed, absorbedContacts, merged.Warnings);
    }

    private static ProblemCollector Preconditions(Account survivor, Account absorbed)
    {
        var problems = new ProblemCollector();
        if (survivor.Id == absorbed.Id)
            problems.Add(new Problem("account", AccountCodes.MergeSameAccount, "Não é possível unificar uma conta com ela mesma."));
        if (survivor.TenantId != absorbed.TenantId)
            problems.Add(new Problem("account", AccountCodes.MergeTenantMismatch, "As contas pertencem a clientes (tenants) diferentes."));
        if (survivor.MergedInto is not null || absorbed.MergedInto is not null)
            problems.Add(new Problem("account", AccountCodes.MergeAlreadyMerged, "Uma das contas já foi unificada com outra."));
        if (survivor.Integration.IsIntegrated && absorbed.Integration.IsIntegrated)
            problems.Add(new Problem("account", AccountCodes.MergeBothIntegrated,
                "As duas contas estão integradas ao ERP; unifique os clientes no ERP primeiro."));
        if (survivor.Data.TaxId is { } a && absorbed.Data.TaxId is { } b && !a.Equals(b))
            problems.Add(new Problem("tax_id", AccountCodes.MergeTaxIdConflict, $"As contas têm CPF/CNPJ diferentes ({a} e {b})."));
        return problems;
    }

    /// <summary>The survivor's form with the absorbed one's values filling its blanks and its lists appended.</summary>
    internal static RegistrationForm Combine(RegistrationForm keep, RegistrationForm add)
    {
        var hasIe = keep.StateRegistration is not null || keep.StateRegistrationKind is not null;
        return keep with
        {
            LegalName = keep.LegalName ?? add.LegalName,
            TradeName = keep.TradeName ?? add.TradeName,
            ShortName = keep.ShortName ?? add.ShortName,
            TaxId = keep.TaxId ?? add.TaxId,
            ForeignId = keep.ForeignId ?? add.ForeignId,
            StateRegistration = hasIe ? keep.StateRegistration : add.StateRegistration,
            StateRegistrationKind = hasIe ? keep.StateRegistrationKind : add.StateRegistrationKind,
            MunicipalRegistration = keep.MunicipalRegistration ?? add.MunicipalRegistration,
            Cnae = keep.Cnae ?? add.Cnae,
            FiscalCategory = keep.FiscalCategory ?? add.FiscalCategory,
            ClientType = keep.ClientType ?? add.ClientType,
            AccountType = keep.AccountType ?? add.AccountType,
            ClientGroup = keep.ClientGroup ?? add.ClientGroup,
            Representative = keep.Representative ?? add.Representative,
            Carrier = keep.Carrier ?? add.Carrier,
            Portador = keep.Portador ?? add.Portador,
            PaymentCondition = keep.PaymentCondition ?? add.PaymentCondition,
            PriceTable = keep.PriceTable ?? add.PriceTable,
            Portfolio = keep.Portfolio ?? add.Portfolio,
            Owner = keep.Owner ?? add.Owner,
            Company = keep.Company ?? add.Company,
            Branch = keep.Company is null ? add.Branch : keep.Branch,
            Addresses = CombineAddresses(keep.Addresses, add.Addresses),
            Phones = [.. keep.Phones, .. add.Phones
                .Where(p => !keep.Phones.Any(k => k.Number == p.Number))
                .Select(p => p.Type.IsSyncedToErp() && keep.Phones.Any(k => k.Type == p.Type) ? p with { Type = PhoneType.Other } : p)],
            Emails = [.. keep.Emails, .. add.Emails.Where(e => !keep.Emails.Any(k => string.Equals(k.Address, e.Address, StringComparison.OrdinalIgnoreCase)))],
            OtherContacts = [.. keep.OtherContacts.Union(add.OtherContacts)],
            Observations = [.. keep.Observations.Union(add.Observations)],
            ResponsiblePeople = [.. keep.ResponsiblePeople.Union(add.ResponsiblePeople)],
            Marketing = [.. keep.Marketing.Concat(add.Marketing).GroupBy(m => m.Channel).Select(g => g.MaxBy(m => m.On)!)],
            CustomFields = [.. keep.CustomFields, .. add.CustomFields.Where(f => !keep.CustomFields.Any(k => k.Key == f.Key))],
        };
    }

    private static List<AddressForm> CombineAddresses(IReadOnlyList<AddressForm> keep, IReadOnlyList<AddressForm> add)
    {
        var combined = keep.ToList();
        var keepHasDefault = keep.Any(a => a.IsDefaultDelivery);
        foreach (var address in add)
        {
            var candidate = address.Kind == AddressKind.Delivery && keepHasDefault ? address with { IsDefaultDelivery = false } : address;
            var kindTaken = address.Kind != AddressKind.Delivery && keep.Any(k => k.Kind == address.Kind);
            if (!kindTaken && !combined.Contains(candidate))
                combined.Add(candidate);
        }
        return combined;
    }
}
