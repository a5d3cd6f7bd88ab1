using Crm.Adapters.Datasul;
using Crm.Adapters.Protheus;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Integration.Eligibility;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Adapters.Tests.Contract;

/// <summary>Rules are independent: a rule set reports exactly the problems its rules report one by one, in their order.</summary>
public sealed class EligibilityAlgebraTests
{
    private static readonly EligibilityRule[] Pool = [.. new DatasulAdapter().Rules, .. new ProtheusAdapter().Rules];

    private static readonly Crm.Domain.Accounts.Account Broken = Samples.Register(new RegistrationForm
    {
        Kind = PersonKind.Juridica,
        LegalName = "Comercial Importadora e Exportadora Paulista do Brasil Ltda",
        ShortName = "IMPORTADORA PAULISTA",
        ClientType = "CFX",
        AccountType = "PRO",
        Representative = "1234567",
        Carrier = "ABC",
        Emails = [new EmailForm("departamento.compras@importadora.com.br", EmailPurpose.Billing)],
    });

    [Property]
    public Property A_rule_set_reports_the_union_of_its_rules_in_order(bool[] mask)
    {
        var chosen = Pool.Where((_, i) => i < mask.Length && mask[i]).ToList();
        var together = new EligibilityRules(chosen).Evaluate(Broken, Samples.StricterContext).Problems;
        var oneByOne = chosen.SelectMany(r => new EligibilityRules([r]).Evaluate(Broken, Samples.StricterContext).Problems);
        return together.SequenceEqual(oneByOne).Label($"{chosen.Count} rules");
    }

    [Property]
    public Property Splitting_a_rule_set_splits_its_problems(PositiveInt cut)
    {
        var at = cut.Get % (Pool.Length + 1);
        var whole = new EligibilityRules(Pool).Evaluate(Broken, Samples.StricterContext).Problems;
        var halves = new EligibilityRules(Pool[..at]).Evaluate(Broken, Samples.StricterContext).Problems
            .Concat(new EligibilityRules(Pool[at..]).Evaluate(Broken, Samples.StricterContext).Problems);
        return whole.SequenceEqual(halves).ToProperty();
    }
}
