using BenchmarkDotNet.Attributes;
using Crm.Domain.Accounts.Configuration;
using Crm.Domain.Accounts.Registration;
using Crm.Domain.Texts;

namespace Crm.Benchmarks.Texts;

/// <summary>
/// What the text rule costs where text is heaviest: validating a company whose observations hold a short note or a long
/// one (every character is scanned for control characters and lone surrogates), and restoring the stored data (the load
/// path, which builds the immutable data with its facts); and the rule alone over one note.
/// </summary>
[MemoryDiagnoser]
public class RegistrationTextBenchmarks
{
    private static readonly RegistrationContext Context = new(AccountSettings.Default, RegistrationKind.Account);
    private string _note = null!;
    private RegistrationForm _form = null!;
    private RegistrationForm _stored = null!;

    /// <summary>Characters in each of the four observations.</summary>
    [Params(100, 10_000)]
    public int NoteLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var note = _note = string.Concat(Enumerable.Repeat("Entregar pela manhã, portão 2.\n", NoteLength / 31 + 1))[..NoteLength];
        _form = new RegistrationForm
        {
            Kind = PersonKind.Juridica,
            LegalName = "Padaria São João Ltda",
            TradeName = "Padaria São João",
            ShortName = "PADSJOAO",
            TaxId = "11.222.333/0001-81",
            StateRegistration = "110.042.490.114",
            Addresses =
            [
                Address(AddressKind.Correspondence), Address(AddressKind.Billing), Address(AddressKind.Delivery) with { IsDefaultDelivery = true },
            ],
            Phones = [new PhoneForm(PhoneType.TelefoneErp1, "(11) 3456-7890")],
            Emails = [new EmailForm("compras@padariasaojoao.com.br")],
            Observations = [.. Enumerable.Range(0, 4).Select(i => new Observation((ObservationType)(i % 2), note))],
        };
        _stored = RegistrationRules.Validate(_form, Context).AsT0.Data.ToForm();
    }

    /// <summary>Every registration rule, the text rule included.</summary>
    [Benchmark(Baseline = true)]
    public bool Validate() => RegistrationRules.Validate(_form, Context).IsValid;

    /// <summary>Stored data back to a registration (no rule re-run).</summary>
    [Benchmark]
    public int Restore() => StoredRegistration.Restore(_stored).Facts.LegalNameLength;

    /// <summary>The text rule alone over one note.</summary>
    [Benchmark]
    public bool CheckNote() => TextRule.HasValidCharacters(_note, multiLine: true);

    private static AddressForm Address(AddressKind kind) =>
        new(kind, "Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310-100", "3550308");
}
