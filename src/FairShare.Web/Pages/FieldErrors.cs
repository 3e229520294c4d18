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

    public static IReadOnlyList<string> Messages(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];
}
