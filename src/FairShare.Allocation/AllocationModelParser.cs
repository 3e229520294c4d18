using System.Globalization;
using System.Text.Json;

namespace FairShare.Allocation;

/// <summary>The outcome of reading a model: the model, or every problem found in it.</summary>
public sealed class ModelReadResult
{
    internal ModelReadResult(AllocationModel? model, IReadOnlyList<ModelProblem> problems)
    {
        Model = model;
        Problems = problems;
    }

    /// <summary>The model, present only when there are no problems.</summary>
    public AllocationModel? Model { get; }

    public IReadOnlyList<ModelProblem> Problems { get; }

    public bool Succeeded => Model is not null;
}

/// <summary>
/// Reads an allocation model from JSON text. The caller reads the file; this only parses. It collects
/// every problem (syntax aside, which stops reading) and then runs <see cref="ModelValidation"/>, so a
/// user sees all problems at once.
/// </summary>
public static class AllocationModelParser
{
    /// <summary>Largest cost or quantity accepted: keeps every product exact in <see cref="decimal"/>.</summary>
    public const decimal MaximumValue = 1_000_000_000_000m;

    public static ModelReadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $" (line {line + 1}, position {ex.BytePositionInLine.GetValueOrDefault() + 1})"
                : string.Empty;
            return Fail(new ModelProblem(ProblemKind.InvalidJson, $"The model is not valid JSON{where}."));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static ModelReadResult Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json);
        return Parse(reader.ReadToEnd());
    }

    private static ModelReadResult Fail(params ModelProblem[] problems) => new(null, problems);

    private static ModelReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(new ModelProblem(ProblemKind.EmptyModel, "The model must be a JSON object with \"departments\" and \"usage\"."));
        }

        var problems = new List<ModelProblem>();
        var currency = "GBP";
        if (root.TryGetProperty("currency", out var currencyElement))
        {
            if (currencyElement.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(currencyElement.GetString()))
            {
                currency = currencyElement.GetString()!;
            }
            else
            {
                problems.Add(new ModelProblem(ProblemKind.MissingField, "\"currency\" must be a currency code such as \"GBP\"."));
            }
        }

        var departments = ReadDepartments(root, problems);
        var usage = ReadUsage(root, departments, problems);
        var order = ReadStepDownOrder(root, problems);
        if (problems.Count > 0)
        {
            // Structural problems first; validation of what could be read still helps the user.
            var partial = new AllocationModel(currency, departments, usage, order);
            problems.AddRange(ModelValidation.Validate(partial, skipGraphChecks: true));
            return new ModelReadResult(null, problems);
        }

        var model = new AllocationModel(currency, departments, usage, order);
        var validation = ModelValidation.Validate(model);
        return validation.Count > 0 ? new ModelReadResult(null, validation) : new ModelReadResult(model, []);
    }

    private static List<Department> ReadDepartments(JsonElement root, List<ModelProblem> problems)
    {
        var result = new List<Department>();
        if (!root.TryGetProperty("departments", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ModelProblem(ProblemKind.MissingField, "\"departments\" must be an array."));
            return result;
        }

        var position = 0;
        foreach (var element in array.EnumerateArray())
        {
            position++;
            var label = $"Department {position}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ModelProblem(ProblemKind.MissingField, $"{label} is not an object."));
                continue;
            }

            var id = ReadString(element, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new ModelProblem(ProblemKind.MissingField, $"{label} has no \"id\"."));
                continue;
            }

            label = $"Department {position} ({id})";
            var name = ReadString(element, "name") ?? id;
            var kindText = ReadString(element, "kind");
            DepartmentKind? kind = kindText switch
            {
                "support" => DepartmentKind.Support,
                "operating" => DepartmentKind.Operating,
                _ => null,
            };
            var ok = true;
            if (kind is null)
            {
                problems.Add(new ModelProblem(
                    ProblemKind.BadKind,
                    kindText is null
                        ? $"{label} has no \"kind\"; it must be \"support\" or \"operating\"."
                        : $"{label}: kind \"{kindText}\" must be \"support\" or \"operating\".",
                    [id],
                    []));
                ok = false;
            }

            // A department with an unreadable cost still counts for the checks on ids (its cost is reported).
            var cost = ReadAmount(element, "cost", label, id, null, isMoney: true, problems);
            if (ok)
            {
                result.Add(new Department(id, name, kind!.Value, cost ?? 0m));
            }
        }

        return result;
    }

    private static List<UsageLine> ReadUsage(JsonElement root, List<Department> departments, List<ModelProblem> problems)
    {
        var result = new List<UsageLine>();
        if (!root.TryGetProperty("usage", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ModelProblem(ProblemKind.MissingField, "\"usage\" must be an array."));
            return result;
        }

        var line = 0;
        foreach (var element in array.EnumerateArray())
        {
            line++;
            var label = $"Usage line {line}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ModelProblem(ProblemKind.MissingField, $"{label} is not an object.", [], [line]));
                continue;
            }

            var provider = ReadString(element, "provider");
            var receiver = ReadString(element, "receiver");
            var ok = true;
            if (string.IsNullOrWhiteSpace(provider))
            {
                problems.Add(new ModelProblem(ProblemKind.MissingField, $"{label} has no \"provider\".", [], [line]));
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(receiver))
            {
                problems.Add(new ModelProblem(ProblemKind.MissingField, $"{label} has no \"receiver\".", [], [line]));
                ok = false;
            }

            var quantity = ReadAmount(element, "quantity", label, null, line, isMoney: false, problems, ModelValidation.Between(provider, receiver, departments), [provider, receiver]);
            if (ok)
            {
                result.Add(new UsageLine(line, provider!, receiver!, quantity ?? 0m));
            }
        }

        return result;
    }

    private static List<string>? ReadStepDownOrder(JsonElement root, List<ModelProblem> problems)
    {
        if (!root.TryGetProperty("stepDownOrder", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ModelProblem(ProblemKind.BadStepDownOrder, "\"stepDownOrder\" must be an array of support department ids."));
            return null;
        }

        var result = new List<string>();
        var position = 0;
        foreach (var element in array.EnumerateArray())
        {
            position++;
            if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                result.Add(element.GetString()!);
            }
            else
            {
                problems.Add(new ModelProblem(ProblemKind.BadStepDownOrder, $"stepDownOrder entry {position} is not a department id."));
            }
        }

        return result;
    }

    private static string? ReadString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // For a usage line, `between` is its provider and receiver in words and `ends` their ids as given: a value out
    // of range names them, so the user need not count through the usage array to find whose quantity is wrong.
    private static decimal? ReadAmount(
        JsonElement element, string property, string label, string? department, int? line, bool isMoney, List<ModelProblem> problems,
        string between = "", IReadOnlyList<string?>? ends = null)
    {
        IReadOnlyList<string> departments = department is null ? [] : [department];
        IReadOnlyList<string> outOfRange = [.. departments, .. (ends ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!)];
        IReadOnlyList<int> lines = line is null ? [] : [line.Value];
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ModelProblem(ProblemKind.MissingField, $"{label} has no \"{property}\".", departments, lines));
            return null;
        }

        string text;
        if (value.ValueKind == JsonValueKind.Number)
        {
            text = value.GetRawText();
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!.Trim();
        }
        else
        {
            problems.Add(new ModelProblem(ProblemKind.NotANumber, $"{label}: {property} {value.GetRawText()} is not a number.", departments, lines));
            return null;
        }

        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (text.Length == 0 || !decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out var number))
        {
            problems.Add(new ModelProblem(ProblemKind.NotANumber, $"{label}: {property} \"{text}\" is not a number.", departments, lines));
            return null;
        }

        if (number < 0)
        {
            problems.Add(new ModelProblem(ProblemKind.Negative, $"{label}: {property} {text}{between} is negative.", outOfRange, lines));
            return null;
        }

        if (number > MaximumValue)
        {
            problems.Add(new ModelProblem(ProblemKind.TooLarge, $"{label}: {property} {text}{between} is larger than {MaximumValue:0}.", outOfRange, lines));
            return null;
        }

        if (isMoney && decimal.Round(number, 2) != number)
        {
            problems.Add(new ModelProblem(ProblemKind.FractionOfPenny, $"{label}: {property} {text} has fractions of a penny.", departments, lines));
            return null;
        }

        return number;
    }
}
