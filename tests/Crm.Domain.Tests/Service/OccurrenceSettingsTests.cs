using Crm.Domain.Service.Occurrences;
using Crm.Domain.Texts;
using NodaTime;
using static Crm.Domain.Tests.Service.ServiceFixture;

namespace Crm.Domain.Tests.Service;

public class OccurrenceSettingsTests
{
    [Fact]
    public void Settings_list_every_problem_with_their_reasons_and_fields()
    {
        var outcome = OccurrenceSettings.Create(
            [
                new ServiceReason("RECL", "Reclamação", Duration.FromHours(4)),
                new ServiceReason(" recl ", "Outra", Duration.FromHours(1)),
                new ServiceReason("", " ", Duration.Zero),
                new ServiceReason(new string('X', TextLimits.MasterDataCode + 1), "Longo", -Duration.FromMinutes(1)),
            ],
            [OccurrenceField.Product, (OccurrenceField)42]);

        Assert.Equal(
            [
                ("reasons[1].code", OccurrenceCodes.ReasonCodeDuplicate),
                ("reasons[2].code", OccurrenceCodes.ReasonCodeRequired),
                ("reasons[2].name", OccurrenceCodes.ReasonNameRequired),
                ("reasons[2].response_target", OccurrenceCodes.ResponseTargetNotPositive),
                ("reasons[3].code", TextCodes.TooLong),
                ("reasons[3].response_target", OccurrenceCodes.ResponseTargetNotPositive),
                ("mandatory_fields", OccurrenceCodes.FieldUnknown),
            ],
            outcome.Problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Valid_settings_trim_their_reasons_and_find_them_ignoring_case()
    {
        var settings = OccurrenceSettings.Create([new ServiceReason(" Troca ", " Troca de produto ", Duration.FromDays(2))],
            [OccurrenceField.Contact, OccurrenceField.Contact]).AsT0;

        Assert.Equal(new ServiceReason("Troca", "Troca de produto", Duration.FromDays(2)), settings.Find("TROCA"));
        Assert.Null(settings.Find("Outro"));
        Assert.Null(settings.Find(null));
        Assert.Equal([OccurrenceField.Contact], settings.MandatoryFields);
    }

    [Fact]
    public void Settings_with_no_reason_are_valid_but_no_occurrence_can_be_opened_with_them()
    {
        var settings = OccurrenceSettings.Create([], []).AsT0;

        var outcome = Occurrence.Open(new OccurrenceId(Guid.NewGuid()), Tenant, Form(), settings, Operator, Clock());

        Assert.Equal([OccurrenceCodes.ReasonUnknown], Codes(outcome));
    }
}
