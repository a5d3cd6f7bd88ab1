namespace Crm.Domain.Accounts.Duplicates;

/// <summary>Why two registrations look like the same customer.</summary>
public enum DuplicateRule
{
    /// <summary>Same CPF or CNPJ: blocks the save.</summary>
    SameTaxId,

    /// <summary>Same CNPJ root (another establishment of the same company): an alert.</summary>
    SameCnpjRoot,

    /// <summary>Same e-mail, compared fully lower-cased: an alert.</summary>
    SameEmail,

    /// <summary>Same phone, compared in E.164 form: an alert.</summary>
    SamePhone,

    /// <summary>Same name once accents, case, punctuation and legal suffixes are ignored (<see cref="NameNormalizer"/>): an alert.</summary>
    SimilarName,
}

/// <summary>Whether a rule blocks.</summary>
public static class DuplicateRules
{
    /// <summary>True for the rules that refuse the save (same CPF/CNPJ); the others only alert.</summary>
    public static bool Blocks(this DuplicateRule rule) => rule == DuplicateRule.SameTaxId;
}
