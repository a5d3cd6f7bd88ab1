using Crm.Domain.Registry;
using FsCheck.Xunit;

namespace Crm.Domain.Tests.Registry;

public class PhoneTests
{
    // BU: brazilian-utils/brazilian-utils src/utilities/phone/index.test.ts
    [Theory]
    [InlineData("(11) 9 0000-0000", "+5511900000000", PhoneKind.Mobile)] // BU "mobile phone valid with mask"
    [InlineData("11900000000", "+5511900000000", PhoneKind.Mobile)] // BU "mobile phone valid without mask"
    [InlineData("(11) 3000-0000", "+551130000000", PhoneKind.Landline)] // BU "landline valid with mask"
    [InlineData("1130000000", "+551130000000", PhoneKind.Landline)] // BU "landline valid without mask"
    [InlineData("+55 (11) 98888-7777", "+5511988887777", PhoneKind.Mobile)] // BU format vector 5511988887777
    [InlineData("551134567890", "+551134567890", PhoneKind.Landline)] // country code without +
    [InlineData("+5511987654321", "+5511987654321", PhoneKind.Mobile)] // E.164
    [InlineData("055 11 98765-4321", "+5511987654321", PhoneKind.Mobile)] // international prefix from Brazil
    [InlineData("0 11 3456-7890", "+551134567890", PhoneKind.Landline)] // trunk prefix
    [InlineData("(55) 98765-4321", "+5555987654321", PhoneKind.Mobile)] // DDD 55 is not the country code
    [InlineData("0 55 3456-7890", "+555534567890", PhoneKind.Landline)]
    [InlineData("0800 123 4567", "+558001234567", PhoneKind.NonGeographic)] // ACBr FormatarFone: 0800
    [InlineData("0300-123-4567", "+553001234567", PhoneKind.NonGeographic)]
    [InlineData("+55 800 123 4567", "+558001234567", PhoneKind.NonGeographic)]
    public void Brazilian_numbers_are_stored_in_e164(string input, string e164, PhoneKind kind)
    {
        Assert.True(Phone.IsValid(input));
        var phone = Phone.Parse(input).AsT0;
        Assert.Equal(e164, phone.Value);
        Assert.Equal(kind, phone.Kind);
        Assert.Equal(kind == PhoneKind.Mobile, phone.IsMobile);
    }

    [Theory]
    [InlineData("11987654321", "(11) 98765-4321", "11")]
    [InlineData("1134567890", "(11) 3456-7890", "11")]
    [InlineData("08001234567", "0800 123 4567", null)]
    public void ToString_gives_the_national_mask_and_ddd(string input, string masked, string? ddd)
    {
        var phone = Phone.Parse(input).AsT0;
        Assert.Equal(masked, phone.ToString());
        Assert.Equal(ddd, phone.Ddd);
    }

    [Theory]
    [InlineData("(00) 3 0000-0000", new[] { RegistryCodes.Format, RegistryCodes.Range })] // BU: invalid DDD and not a mobile
    [InlineData("(11) 9000-0000", new[] { RegistryCodes.Format })] // BU: a landline cannot start with 9
    [InlineData("(11) 3 0000-0000", new[] { RegistryCodes.Format })] // BU: a mobile must start with 9
    [InlineData("11", new[] { RegistryCodes.Length })] // BU: shorter than the minimum
    [InlineData("11300000001130000000", new[] { RegistryCodes.Length })] // BU: longer than the maximum
    [InlineData("(20) 98765-4321", new[] { RegistryCodes.Range })] // DDD 20 is not in use
    [InlineData("(11) 1234-5678", new[] { RegistryCodes.Format })] // landlines start with 2 to 5
    [InlineData("+1 415 555 0100", new[] { RegistryCodes.Range })] // not a Brazilian number
    [InlineData("(11) 98765-432x", new[] { RegistryCodes.Characters, RegistryCodes.Format })] // 10 digits: a landline starting with 9
    [InlineData("+", new[] { RegistryCodes.Length })]
    [InlineData("", new[] { RegistryCodes.Empty })] // BU: empty string
    [InlineData(null, new[] { RegistryCodes.Empty })] // BU: null
    public void Invalid_numbers_say_everything_that_is_wrong(string? input, string[] codes)
    {
        Assert.False(Phone.IsValid(input));
        Assert.Equal(codes, Phone.Parse(input).Problems.Select(p => p.Code));
        Assert.All(Phone.Parse(input).Problems, p => Assert.Equal("phone", p.Field));
    }

    [Fact]
    public void Every_ddd_in_use_is_accepted_and_no_other() // BU "when the ddd is valid" over VALID_AREA_CODES
    {
        for (var ddd = 10; ddd <= 99; ddd++)
            Assert.Equal(Reference.Ddds.Contains(ddd), Phone.IsValid($"({ddd}) 9 0000-0000"));
        Assert.Equal(67, Reference.Ddds.Length);
    }

    [Property(Arbitrary = [typeof(DocumentGenerators)])]
    public void National_international_and_masked_forms_parse_equal(GeneratedPhone generated)
    {
        var phone = Phone.Parse(generated.National).AsT0;
        Assert.Equal("+55" + generated.National, phone.Value);
        Assert.Equal(phone, Phone.Parse(phone.Value).AsT0);
        Assert.Equal(phone, Phone.Parse(phone.ToString()).AsT0);
        Assert.Equal(phone, Phone.Parse("0" + generated.National).AsT0);
        Assert.Equal(generated.National.Length == 11, phone.IsMobile);
        Assert.Equal(generated.National[..2], phone.Ddd);
    }
}
