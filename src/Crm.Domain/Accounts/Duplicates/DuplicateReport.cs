using Crm.Domain.Problems;

namespace Crm.Domain.Accounts.Duplicates;

/// <summary>One record that looks like a duplicate, and why.</summary>
/// <param name="Id">The existing record.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Value">The shared value, normalized (the CPF/CNPJ, e-mail, phone or name key).</param>
/// <typeparam name="TId">The id of the records.</typeparam>
public sealed record DuplicateMatch<TId>(TId Id, DuplicateRule Rule, string Value) where TId : struct;

/// <summary>The answer of a duplicate check: every match with the rule that fired.</summary>
/// <typeparam name="TId">The id of the records.</typeparam>
public sealed class DuplicateReport<TId> where TId : struct
{
    /// <summary>A report of the given matches.</summary>
    public DuplicateReport(IReadOnlyList<DuplicateMatch<TId>> matches) => Matches = matches;

    /// <summary>The report without any match.</summary>
    public static DuplicateReport<TId> None { get; } = new([]);

    /// <summary>Every match, in the order the rules were checked (tax id, CNPJ root, e-mails, phones, names).</summary>
    public IReadOnlyList<DuplicateMatch<TId>> Matches { get; }

    /// <summary>True when a blocking rule fired: the save must be refused.</summary>
    public bool IsBlocked => Matches.Any(m => m.Rule.Blocks());

    /// <summary>
    /// The matches as problems of a registration: errors for the blocking rules, warnings for the alerts, codes
    /// <c>{subject}.tax_id.duplicate</c>, <c>.cnpj_root.duplicate</c>, <c>.emails.duplicate</c>, <c>.phones.duplicate</c>, <c>.name.similar</c>.
    /// </summary>
    public IReadOnlyList<Problem> ToProblems(string subject) =>
        [.. Matches.Select(m => m.Rule switch
        {
            DuplicateRule.SameTaxId => new Problem("tax_id", $"{subject}.tax_id.duplicate",
                $"CPF/CNPJ {m.Value} já cadastrado."),
            DuplicateRule.SameCnpjRoot => new Problem("tax_id", $"{subject}.cnpj_root.duplicate",
                $"Outro estabelecimento da mesma empresa (raiz {m.Value}) já cadastrado.", Severity.Warning),
            DuplicateRule.SameEmail => new Problem("emails", $"{subject}.emails.duplicate",
                $"E-mail {m.Value} já usado em outro cadastro.", Severity.Warning),
            DuplicateRule.SamePhone => new Problem("phones", $"{subject}.phones.duplicate",
                $"Telefone {m.Value} já usado em outro cadastro.", Severity.Warning),
            _ => new Problem("legal_name", $"{subject}.name.similar",
                $"Nome semelhante a outro cadastro: {m.Value}.", Severity.Warning),
        })];
}
