using System.Globalization;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Registry;

namespace Crm.Domain.Accounts.Duplicates;

/// <summary>
/// What the duplicate rules compare of one registration, reduced to 64-bit keys: the CPF/CNPJ and CNPJ root exactly
/// (base-36 numbers), phones exactly (E.164 digits), e-mails and names by a 64-bit FNV-1a hash of their normalized text
/// (a false alert needs a hash collision: about 1 in 10¹³ per pair at a million keys).
/// </summary>
public sealed class DuplicateKeys
{
    // CPFs are offset past every CNPJ base (36^12), so the two kinds never share a key.
    private const ulong CpfOffset = 4_738_381_338_321_616_896UL;

    private readonly List<DuplicateKey> _keys = [];

    /// <summary>The keys of a registration with these identifying values.</summary>
    public DuplicateKeys(TaxId? taxId, IEnumerable<Email> emails, IEnumerable<Phone> phones, IEnumerable<string?> names)
    {
        if (taxId is not null)
        {
            _keys.Add(taxId.Match(
                cpf => new DuplicateKey(DuplicateRule.SameTaxId, CpfOffset + ulong.Parse(cpf.Value, CultureInfo.InvariantCulture), cpf.ToString()),
                cnpj => new DuplicateKey(DuplicateRule.SameTaxId, Base36(cnpj.Value.AsSpan(0, 12)), cnpj.ToString())));
            if (taxId.TryPickT1(out var company, out _))
                _keys.Add(new DuplicateKey(DuplicateRule.SameCnpjRoot, Base36(company.Root), company.Root));
        }
        foreach (var email in emails.Select(e => e.Normalized).Distinct())
            _keys.Add(new DuplicateKey(DuplicateRule.SameEmail, Fnv1a(email), email));
        foreach (var phone in phones.Distinct())
            _keys.Add(new DuplicateKey(DuplicateRule.SamePhone, ulong.Parse(phone.Value.AsSpan(1), CultureInfo.InvariantCulture), phone.ToString()));
        foreach (var name in names.Select(NameNormalizer.Normalize).Where(n => n.Length > 0).Distinct())
            _keys.Add(new DuplicateKey(DuplicateRule.SimilarName, Fnv1a(name), name));
    }

    internal IReadOnlyList<DuplicateKey> Keys => _keys;

    // CNPJ characters are 0-9 and A-Z: 12 of them fit in 64 bits as a base-36 number (the check digits follow from them).
    private static ulong Base36(ReadOnlySpan<char> text)
    {
        ulong value = 0;
        foreach (var c in text)
            value = value * 36 + (ulong)(c <= '9' ? c - '0' : c - 'A' + 10);
        return value;
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}

/// <summary>One key: the rule it serves, its 64-bit value and the normalized text shown in a match.</summary>
internal readonly record struct DuplicateKey(DuplicateRule Rule, ulong Value, string Text);
