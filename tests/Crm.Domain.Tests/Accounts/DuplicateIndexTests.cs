using Crm.Domain.Accounts.Duplicates;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Accounts;

public class DuplicateIndexTests
{
    private static readonly AccountId A = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"));
    private static readonly AccountId B = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"));

    private static DuplicateKeys Keys(string? taxId = null, string? email = null, string? phone = null, params string[] names) =>
        new(taxId is null ? null : Cnpj.TryParse(taxId, out var cnpj) ? cnpj : Cpf.Parse(taxId).AsT0,
            email is null ? [] : [Email.Parse(email).AsT0],
            phone is null ? [] : [Phone.Parse(phone).AsT0],
            names);

    private static DuplicateIndex<AccountId> IndexWith(AccountId id, DuplicateKeys keys)
    {
        var index = new DuplicateIndex<AccountId>();
        index.Add(id, keys);
        return index;
    }

    [Fact]
    public void The_same_cpf_or_cnpj_blocks()
    {
        var index = IndexWith(A, Keys(Samples.Cnpj));

        var report = index.Find(Keys("11222333000181"));

        Assert.True(report.IsBlocked);
        Assert.Contains(report.Matches, m => m is { Rule: DuplicateRule.SameTaxId } && m.Id == A);
    }

    [Fact]
    public void A_cpf_never_matches_a_cnpj_with_the_same_leading_digits()
    {
        var cpf = Samples.CpfFrom(112223330);
        var index = IndexWith(A, Keys(cpf));

        Assert.Empty(index.Find(Keys(Samples.CnpjFrom(112223330))).Matches);
    }

    [Fact]
    public void Another_establishment_of_the_same_company_alerts_without_blocking()
    {
        var index = IndexWith(A, Keys(Samples.Cnpj));
        var branch = Samples.CnpjFrom(112223330002);

        var report = index.Find(Keys(branch));

        Assert.False(report.IsBlocked);
        Assert.Equal(DuplicateRule.SameCnpjRoot, Assert.Single(report.Matches).Rule);
    }

    [Fact]
    public void The_same_email_in_another_case_alerts()
    {
        var index = IndexWith(A, Keys(email: "Compras@Padaria.com.br"));

        var report = index.Find(Keys(email: "compras@PADARIA.com.br"));

        Assert.False(report.IsBlocked);
        Assert.Equal(new DuplicateMatch<AccountId>(A, DuplicateRule.SameEmail, "compras@padaria.com.br"), Assert.Single(report.Matches));
    }

    [Fact]
    public void The_same_phone_written_differently_alerts()
    {
        var index = IndexWith(A, Keys(phone: "+55 (11) 98765-4321"));

        Assert.Equal(DuplicateRule.SamePhone, Assert.Single(index.Find(Keys(phone: "011987654321")).Matches).Rule);
    }

    [Fact]
    public void A_similar_legal_or_trade_name_alerts()
    {
        var index = IndexWith(A, Keys(names: ["Padaria São João Ltda", "Pão Quente"]));

        Assert.Equal(DuplicateRule.SimilarName, Assert.Single(index.Find(Keys(names: ["PADARIA SAO JOAO EPP"])).Matches).Rule);
        Assert.Single(index.Find(Keys(names: ["pao quente"])).Matches);
        Assert.Empty(index.Find(Keys(names: ["Padaria Santa Rita"])).Matches);
    }

    [Fact]
    public void Every_match_is_listed_with_the_rule_that_fired()
    {
        var index = new DuplicateIndex<AccountId>();
        index.Add(A, Keys(Samples.Cnpj, "a@x.com.br", "(11) 3456-7890", "Acme"));
        index.Add(B, Keys(email: "a@x.com.br", names: "ACME LTDA"));

        var report = index.Find(Keys(Samples.Cnpj, "A@X.COM.BR", "1134567890", "Acme S.A."));

        Assert.Equal(
            [(A, DuplicateRule.SameTaxId), (A, DuplicateRule.SameCnpjRoot), (A, DuplicateRule.SameEmail), (B, DuplicateRule.SameEmail),
             (A, DuplicateRule.SamePhone), (A, DuplicateRule.SimilarName), (B, DuplicateRule.SimilarName)],
            report.Matches.Select(m => (m.Id, m.Rule)).OrderBy(m => m.Rule).ThenBy(m => m.Id.Value));
    }

    [Fact]
    public void The_record_being_edited_is_not_its_own_duplicate()
    {
        var index = IndexWith(A, Keys(Samples.Cnpj));

        Assert.Empty(index.Find(Keys(Samples.Cnpj), self: A).Matches);
    }

    [Fact]
    public void Removed_and_replaced_records_no_longer_match_their_old_keys()
    {
        var index = IndexWith(A, Keys(email: "old@x.com"));
        index.Add(A, Keys(email: "new@x.com"));
        index.Add(B, Keys(email: "b@x.com"));

        Assert.Empty(index.Find(Keys(email: "old@x.com")).Matches);
        Assert.Single(index.Find(Keys(email: "new@x.com")).Matches);
        Assert.True(index.Remove(B));
        Assert.False(index.Remove(B));
        Assert.Empty(index.Find(Keys(email: "b@x.com")).Matches);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Thousands_of_records_stay_findable_as_the_tables_grow()
    {
        var index = new DuplicateIndex<AccountId>();
        var ids = Enumerable.Range(0, 5000).Select(i => new AccountId(new Guid(i, 0, 0, new byte[8]))).ToList();
        for (var i = 0; i < ids.Count; i++)
            index.Add(ids[i], Keys(email: $"c{i}@x.com", phone: $"(11) 9{i:D8}", names: "Mesmo Nome"));

        Assert.All(Enumerable.Range(0, ids.Count).Where(i => i % 97 == 0), i =>
        {
            var matches = index.Find(Keys(email: $"c{i}@x.com", phone: $"(11) 9{i:D8}")).Matches;
            Assert.Equal([(ids[i], DuplicateRule.SameEmail), (ids[i], DuplicateRule.SamePhone)], matches.Select(m => (m.Id, m.Rule)));
        });
        Assert.Equal(ids.Count, index.Find(Keys(names: "MESMO NOME LTDA")).Matches.Count);
    }

    [Fact]
    public void Matches_become_problems_errors_for_blocks_and_warnings_for_alerts()
    {
        var index = IndexWith(A, Keys(Samples.Cnpj, "a@x.com"));

        var problems = index.Find(Keys(Samples.Cnpj, "a@x.com")).ToProblems("account");

        Assert.Equal([("account.tax_id.duplicate", Severity.Error), ("account.cnpj_root.duplicate", Severity.Warning),
                      ("account.emails.duplicate", Severity.Warning)], problems.Select(p => (p.Code, p.Severity)));
    }

    // Small pools so that random registrations often share values.
    private static Gen<DuplicateKeys> KeysGen() =>
        from tax in Gen.Elements<string?>(null, Samples.CpfFrom(123456789), Samples.Cnpj, Samples.CnpjFrom(112223330002))
        from email in Gen.Elements<string?>(null, "a@x.com", "A@x.com", "b@y.com")
        from phone in Gen.Elements<string?>(null, "(11) 3456-7890", "+551134567890", "(21) 99876-5432")
        from name in Gen.Elements("Acme Ltda", "ACME S/A", "Ácme", "Beta ME", "Gama")
        select Keys(tax, email, phone, name);

    [Property]
    public Property Duplicate_detection_is_symmetric() =>
        Prop.ForAll(KeysGen().ToArbitrary(), KeysGen().ToArbitrary(), (x, y) =>
        {
            var forward = IndexWith(A, x).Find(y).Matches.Select(m => m.Rule).Order();
            var backward = IndexWith(B, y).Find(x).Matches.Select(m => m.Rule).Order();
            return forward.SequenceEqual(backward);
        });

    [Property]
    public Property A_record_always_finds_itself_by_every_key_it_has() =>
        Prop.ForAll(KeysGen().ToArbitrary(), keys =>
        {
            var rules = IndexWith(A, keys).Find(keys).Matches.Select(m => m.Rule).ToHashSet();
            return keys.Keys.All(k => rules.Contains(k.Rule));
        });
}
