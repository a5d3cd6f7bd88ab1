using Crm.Domain.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Domain.Tests.Registry.InscricaoEstadualSpec;

namespace Crm.Domain.Tests.Registry;

/// <summary>Properties of <see cref="InscricaoEstadual"/> over IEs built from the spec by <see cref="InscricaoEstadualSpec"/>.</summary>
public class InscricaoEstadualProperties
{
    [Property(MaxTest = 2000)]
    public Property Every_ie_built_from_the_spec_validates_without_warnings() =>
        Prop.ForAll(Samples(), sample =>
        {
            var parsed = InscricaoEstadual.Parse(sample.Value, sample.Uf);
            return InscricaoEstadual.IsValid(sample.Value, sample.Uf)
                   && parsed.IsValid
                   && parsed.AsT0.Warnings.Count == 0
                   && parsed.AsT0.IsRegistered;
        });

    [Property(MaxTest = 2000)]
    public Property Changing_any_single_check_digit_invalidates() =>
        Prop.ForAll(Samples(), Gen.Choose(0, 1).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (sample, which, shift) =>
        {
            // Every rule in the spec yields exactly one digit per body, so any other digit is wrong.
            var position = sample.CheckDigits[which % sample.CheckDigits.Length];
            var chars = sample.Value.ToCharArray();
            chars[position] = (char)('0' + (chars[position] - '0' + shift) % 10);
            var mutated = new string(chars);
            var parsed = InscricaoEstadual.Parse(mutated, sample.Uf);
            return !InscricaoEstadual.IsValid(mutated, sample.Uf)
                   && !parsed.IsValid
                   && parsed.Problems.Any(p => p.Code == RegistryCodes.CheckDigit);
        });

    [Property(MaxTest = 2000)]
    public Property Formatting_then_parsing_gives_the_same_value() =>
        Prop.ForAll(Samples(), sample =>
        {
            var ie = InscricaoEstadual.Parse(sample.Value, sample.Uf).AsT0;
            var again = InscricaoEstadual.Parse(ie.ToString(), sample.Uf);
            return again.IsValid && again.AsT0.Value == ie.Value && again.AsT0 == ie;
        });

    [Property(MaxTest = 2000)]
    public Property The_value_is_the_input_without_its_mask_except_where_the_state_normalises() =>
        Prop.ForAll(Samples(), sample =>
        {
            var value = InscricaoEstadual.Parse(sample.Value, sample.Uf).AsT0.Value!;
            return sample.Uf switch
            {
                Uf.MT => value.Length == 11 && value.EndsWith(sample.Value, StringComparison.Ordinal),
                Uf.RO when sample.Value.Length == 9 => value == "00000000" + sample.Value[3..],
                _ => value == sample.Value,
            };
        });

    [Property]
    public Property Isento_in_any_letter_case_is_exempt_for_every_uf() =>
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<Uf>()).ToArbitrary(),
            Gen.Elements(true, false).ArrayOf(6).ToArbitrary(),
            (uf, upper) =>
            {
                var text = string.Concat("isento".Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c));
                var ie = InscricaoEstadual.Parse($" {text} ", uf).AsT0;
                return InscricaoEstadual.IsValid(text, uf)
                       && ie.Kind == InscricaoEstadualKind.ExemptFromRegistration
                       && ie == InscricaoEstadual.Exempt(uf)
                       && ie.IndIEDest == IndIEDest.ExemptFromRegistration
                       && ie.Value is null
                       && ie.ToString() == "ISENTO";
            });
}
