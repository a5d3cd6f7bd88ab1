using Crm.Domain.Accounts.Registration;
using Crm.Domain.Identity;
using Crm.Domain.Integration.Eligibility;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Accounts;

/// <summary>
/// <see cref="ShortNameDirectory"/> answers as a plain dictionary ignoring case would, whatever the number of names (its
/// open-addressing table grows and probes past collisions) and whether a name packs (up to 18 ASCII characters, in one or two
/// words) or is kept as text.
/// </summary>
public sealed class ShortNameDirectoryTests
{
    // Names are made of a few words, so that many share their first nine characters (one packed word) and differ after them,
    // or repeat in another case; 'ſ' and 'ı' upper-case to ASCII letters yet differ from them ignoring case.
    private static readonly string[] Ascii = ["LOJA", "loja", "PADARIA", "Padaria", "SUL", "sul", "1", "22", "-", " "];
    private static readonly string[] Other = ["SÃO", "são", "ſul", "ı", "Ç"];

    private static Gen<string> Names() =>
        from words in Gen.Frequency((3, Gen.Constant(Ascii)), (1, Gen.Constant(Ascii.Concat(Other).ToArray())))
        from count in Gen.Choose(1, 8)
        from name in Gen.Elements(words).ListOf(count).Select(string.Concat)
        from length in Gen.Frequency((2, Gen.Choose(1, 9)), (3, Gen.Choose(10, 18)), (1, Gen.Choose(19, 30)))
        select name[..Math.Min(length, name.Length)];

    /// <summary>Names added in order with their holders (lead or account), names perhaps never added, and a seed that flips cases.</summary>
    public sealed record Case(List<string> Names, List<bool> ByLead, List<string> Others, int Seed);

    private static Arbitrary<Case> Cases() =>
        (from count in Gen.Frequency((1, Gen.Choose(0, 20)), (2, Gen.Choose(0, 2_000)))
         from names in Names().ListOf(count)
         from byLead in Gen.Elements(true, false).ListOf(count)
         from others in Names().ListOf(50)
         from seed in ArbMap.Default.GeneratorFor<int>()
         select new Case(names, byLead, others, seed))
        .ToArbitrary();

    [Property(MaxTest = 30)]
    public Property The_directory_answers_as_a_dictionary_ignoring_case() =>
        Prop.ForAll(Cases(), @case =>
        {
            var random = new Random(@case.Seed);
            var directory = new ShortNameDirectory();
            var reference = new Dictionary<string, HashSet<RegistrationRef>>(StringComparer.OrdinalIgnoreCase);
            void Add(string text, RegistrationRef holder)
            {
                if (ShortName.From(text) is not { } name)
                    return;
                directory.Add(name, holder);
                (reference.TryGetValue(name.Value, out var holders) ? holders : reference[name.Value] = []).Add(holder);
            }
            for (var i = 0; i < @case.Names.Count; i++)
            {
                Add(@case.Names[i], @case.ByLead[i] ? new LeadId(Guid.NewGuid()) : new AccountId(Guid.NewGuid()));
                // A fifth of the names are held again by another account, written in another case.
                if (random.Next(5) == 0)
                    Add(RegistrationFactsTests.CaseFlipped(@case.Names[i], random), new AccountId(Guid.NewGuid()));
            }
            var stranger = new AccountId(Guid.NewGuid());
            return @case.Names.Concat(@case.Others).All(asked => new[] { asked, RegistrationFactsTests.CaseFlipped(asked, random) }.All(text =>
            {
                if (ShortName.From(text) is not { } name)
                    return true;
                var holders = reference.GetValueOrDefault(name.Value) ?? [];
                // Asked by a stranger, and by each account that holds it.
                return directory.IsHeldByAnother(name, stranger) == holders.Count > 0
                       && holders.All(h => !h.TryPickT1(out var self, out _)
                                           || directory.IsHeldByAnother(name, self) == holders.Any(o => !o.Equals(h)));
            }));
        });
}
