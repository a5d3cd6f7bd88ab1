namespace Crm.Domain.Funnel.Opportunities;

/// <summary>Stable problem codes of opportunities.</summary>
public static class OpportunityCodes
{
    /// <summary>The title is empty.</summary>
    public const string TitleRequired = "opportunity.title.required";

    /// <summary>The value is negative.</summary>
    public const string ValueNegative = "opportunity.value.negative";

    /// <summary>The value is in a foreign currency but the tenant does not allow it.</summary>
    public const string ForeignCurrencyDisabled = "opportunity.value.foreign_currency_disabled";

    /// <summary>A quantity was given but the tenant has no quantitative goals.</summary>
    public const string QuantityDisabled = "opportunity.quantity.disabled";

    /// <summary>The quantity is negative or has no unit.</summary>
    public const string QuantityInvalid = "opportunity.quantity.invalid";

    /// <summary>The stage is not in the opportunity's pipeline.</summary>
    public const string StageUnknown = "opportunity.stage.unknown";

    /// <summary>The opportunity is already in that stage.</summary>
    public const string StageSame = "opportunity.stage.same";

    /// <summary>Moving to the lost stage needs a reason.</summary>
    public const string LostReasonRequired = "opportunity.lost_reason.required";

    /// <summary>The pipeline given is not the opportunity's.</summary>
    public const string PipelineMismatch = "opportunity.pipeline.mismatch";

    /// <summary>The code for a mandatory field left empty, e.g. <c>opportunity.expected_close.required</c>.</summary>
    /// <param name="field">The field.</param>
    public static string Required(OpportunityField field) => $"opportunity.{FieldName(field)}.required";

    /// <summary>The snake_case name of a field, as used in problem fields and codes.</summary>
    /// <param name="field">The field.</param>
    public static string FieldName(OpportunityField field) => field switch
    {
        OpportunityField.ExpectedClose => "expected_close",
        OpportunityField.Value => "value",
        OpportunityField.Quantity => "quantity",
        OpportunityField.Description => "description",
        OpportunityField.Source => "source",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
