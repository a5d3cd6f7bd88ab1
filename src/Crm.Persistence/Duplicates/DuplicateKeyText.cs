using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;

namespace Crm.Persistence.Duplicates;

/// <summary>One key a duplicate rule compares: its rule, the stored text (rule prefix and normalized value) and the text a match shows.</summary>
internal readonly record struct DuplicateKeyText(DuplicateRule Rule, string Key, string Shown);

/// <summary>
/// The keys of <see cref="RegistrationData.DuplicateKeys"/> as exact text, so the database compares them with an index
/// seek: the CPF/CNPJ digits, the CNPJ root, the lower-cased e-mails, the E.164 phones and the normalized legal and trade
/// names (<see cref="NameNormalizer"/>), each prefixed by its rule. A match shows the text the domain's report shows.
/// </summary>
internal static class DuplicateKeyTexts
{
    /// <summary>
    /// The longest stored key: the rule prefix and an e-mail of 254 characters (a normalized name is at most as long as the
    /// name, 200 characters).
    /// </summary>
    public const int MaxLength = 2 + 254;

    public static List<DuplicateKeyText> Of(RegistrationData data)
    {
        var keys = new List<DuplicateKeyText>();
        if (data.TaxId is { } taxId)
        {
            keys.Add(new(DuplicateRule.SameTaxId, "T:" + taxId.Digits, taxId.Match(cpf => cpf.ToString(), cnpj => cnpj.ToString())));
            if (taxId.TryPickT1(out var company, out _))
                keys.Add(new(DuplicateRule.SameCnpjRoot, "R:" + company.Root, company.Root));
        }
        foreach (var email in data.Emails.Select(e => e.Address.Normalized).Distinct())
            keys.Add(new(DuplicateRule.SameEmail, "E:" + email, email));
        foreach (var phone in data.Phones.Select(p => p.Number).Distinct())
            keys.Add(new(DuplicateRule.SamePhone, "P:" + phone.Value, phone.ToString()));
        foreach (var name in new[] { data.LegalName, data.TradeName }.Select(NameNormalizer.Normalize).Where(n => n.Length > 0).Distinct())
            keys.Add(new(DuplicateRule.SimilarName, "N:" + name, name));
        return keys;
    }
}
