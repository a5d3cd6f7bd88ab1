namespace Crm.Domain.Service.Occurrences;

/// <summary>Stable problem codes of occurrences and their settings; never change a shipped string.</summary>
public static class OccurrenceCodes
{
    /// <summary>No account was given.</summary>
    public const string AccountRequired = "occurrence.account.required";

    /// <summary>No channel was given.</summary>
    public const string ChannelRequired = "occurrence.channel.required";

    /// <summary>The channel is not one of <see cref="ServiceChannel"/>.</summary>
    public const string ChannelUnknown = "occurrence.channel.unknown";

    /// <summary>No reason was given.</summary>
    public const string ReasonRequired = "occurrence.reason.required";

    /// <summary>The reason is not among the tenant's configured reasons.</summary>
    public const string ReasonUnknown = "occurrence.reason.unknown";

    /// <summary>The reason is inactive, so it cannot be given to an occurrence now.</summary>
    public const string ReasonInactive = "occurrence.reason.inactive";

    /// <summary>The priority is not one of <see cref="OccurrencePriority"/>.</summary>
    public const string PriorityUnknown = "occurrence.priority.unknown";

    /// <summary>The description is empty.</summary>
    public const string DescriptionRequired = "occurrence.description.required";

    /// <summary>Answering needs the answer given to the customer.</summary>
    public const string AnswerRequired = "occurrence.answer.required";

    /// <summary>Only an open occurrence can be answered.</summary>
    public const string NotOpen = "occurrence.not_open";

    /// <summary>Only an answered occurrence can be closed.</summary>
    public const string NotAnswered = "occurrence.not_answered";

    /// <summary>A closed occurrence cannot change.</summary>
    public const string Closed = "occurrence.closed";

    /// <summary>The contact is not one of the account's contact people (checked by the engine).</summary>
    public const string ContactNotOfAccount = "occurrence.contact.not_of_account";

    /// <summary>The attendant is not an active user of the tenant (checked by the engine).</summary>
    public const string AttendantUnknown = "occurrence.attendant.unknown";

    /// <summary>The attendant does not see the occurrence's account (checked by the engine).</summary>
    public const string AttendantCannotSee = "occurrence.attendant.cannot_see";

    /// <summary>Settings: a reason has no code.</summary>
    public const string ReasonCodeRequired = "occurrence.settings.reason_code.required";

    /// <summary>Settings: two reasons have the same code.</summary>
    public const string ReasonCodeDuplicate = "occurrence.settings.reason_code.duplicate";

    /// <summary>Settings: a reason has no name.</summary>
    public const string ReasonNameRequired = "occurrence.settings.reason_name.required";

    /// <summary>Settings: a reason's response target is zero or negative.</summary>
    public const string ResponseTargetNotPositive = "occurrence.settings.response_target.not_positive";

    /// <summary>Settings: a mandatory field is not one of <see cref="OccurrenceField"/>.</summary>
    public const string FieldUnknown = "occurrence.settings.field.unknown";

    /// <summary>The code for a mandatory field left empty, e.g. <c>occurrence.product.required</c>.</summary>
    /// <param name="field">The field.</param>
    public static string Required(OccurrenceField field) => $"occurrence.{FieldName(field)}.required";

    /// <summary>The snake_case name of a field, as used in problem fields and codes.</summary>
    /// <param name="field">The field.</param>
    public static string FieldName(OccurrenceField field) => field switch
    {
        OccurrenceField.Contact => "contact",
        OccurrenceField.Product => "product",
        OccurrenceField.Attendant => "attendant",
        OccurrenceField.Priority => "priority",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
