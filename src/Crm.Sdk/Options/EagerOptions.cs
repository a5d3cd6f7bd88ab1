using Microsoft.Extensions.Options;

namespace Crm.Sdk.Options;

/// <summary>
/// Builds and validates options at registration, so a wrong parameter stops the application where it is configured rather
/// than at the first ERP call. Registration methods (<c>AddCrm</c>, <c>Add…Adapter</c>) use it for their options.
/// </summary>
public static class EagerOptions
{
    /// <summary>
    /// New options with <paramref name="configure"/> applied, checked by <paramref name="validator"/>; throws an
    /// <see cref="OptionsValidationException"/> listing every failure.
    /// </summary>
    public static T Validated<T>(Action<T>? configure, IValidateOptions<T> validator) where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(validator);
        var options = new T();
        configure?.Invoke(options);
        var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (result.Failed)
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(T), result.Failures ?? [result.FailureMessage]);
        return options;
    }
}
