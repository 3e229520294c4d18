using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FairShare.Web.Pages;

/// <summary>The GOV.UK inline error pattern's pieces for one field: the group's class, the input's class, and the message.</summary>
public static class FieldErrors
{
    public static bool Has(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public static string GroupClass(this ModelStateDictionary state, string field) =>
        state.Has(field) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";

    public static string InputClass(this ModelStateDictionary state, string field, string baseClass) =>
        state.Has(field) ? $"{baseClass} {baseClass}--error" : baseClass;

    /// <summary>
    /// The input's value: what the person typed when it could not be read as the field's type (the GOV.UK
    /// pattern keeps the input), else the field's own value.
    /// </summary>
    public static string? Kept(this ModelStateDictionary state, string field, object? value) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { } typed
            ? typed
            : value is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString();

    /// <summary>The field already holds the framework's "could not read what was typed" error.</summary>
    public static bool Unreadable(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is not null;

    public static IReadOnlyList<string> Messages(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];
}
