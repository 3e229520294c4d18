using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FairShare.Allocation;

/// <summary>
/// Pure string builders for results: JSON (the shape the CLI and API promise), CSV and money for people.
/// Amounts in JSON and CSV are strings or fields with two decimals and a dot, whatever the culture.
/// </summary>
public static class Formatting
{
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Money for people: "£1,234.56" for pounds, otherwise "EUR 1,234.56".</summary>
    public static string Money(decimal amount, string currency)
    {
        var digits = Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var sign = amount < 0 ? "-" : string.Empty;
        return currency == "GBP" ? $"{sign}£{digits}" : $"{sign}{currency} {digits}";
    }

    /// <summary>The method's name as written on the command line and in JSON.</summary>
    public static string MethodName(AllocationMethod method) => Explanation.MethodName(method);

    public static bool TryParseMethod(string? text, out AllocationMethod method)
    {
        switch (text)
        {
            case "direct":
                method = AllocationMethod.Direct;
                return true;
            case "step-down":
                method = AllocationMethod.StepDown;
                return true;
            case "reciprocal":
                method = AllocationMethod.Reciprocal;
                return true;
            case "repeated-distribution":
                method = AllocationMethod.RepeatedDistribution;
                return true;
            default:
                method = default;
                return false;
        }
    }

    /// <summary>
    /// The result as JSON: method, currency, departments, transfers, origins (empty unless given),
    /// iterations and residual (null unless repeated distribution; the residual keeps up to 12 decimals).
    /// </summary>
    public static string ToJson(AllocationResult result, IReadOnlyList<OriginAmount>? origins = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("method", MethodName(result.Method));
            json.WriteString("currency", result.Currency);
            json.WriteStartArray("departments");
            foreach (var d in result.Departments)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("kind", d.Kind == DepartmentKind.Support ? "support" : "operating");
                json.WriteString("directCost", Amount(d.DirectCost));
                json.WriteString("received", Amount(d.Received));
                if (d.PassedOn is { } passedOn)
                {
                    json.WriteString("passedOn", Amount(passedOn));
                }

                json.WriteString("finalCost", Amount(d.FinalCost));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("transfers");
            foreach (var t in result.Transfers)
            {
                json.WriteStartObject();
                json.WriteString("from", t.From);
                json.WriteString("to", t.To);
                json.WriteString("amount", Amount(t.Amount));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("origins");
            foreach (var o in origins ?? [])
            {
                json.WriteStartObject();
                json.WriteString("receiver", o.Receiver);
                json.WriteString("origin", o.Origin);
                json.WriteString("amount", Amount(o.Amount));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Iterations is { } iterations)
            {
                json.WriteNumber("iterations", iterations);
            }
            else
            {
                json.WriteNull("iterations");
            }

            if (result.Residual is { } residual)
            {
                json.WriteString("residual", Residual(residual));
            }
            else
            {
                json.WriteNull("residual");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The result as one tidy CSV table, one amount a row: <c>record,department,counterpart,amount</c>,
    /// where record is directCost, received, passedOn, finalCost (counterpart empty), transfer
    /// (department = from, counterpart = to) or origin (department = receiver, counterpart = origin).
    /// </summary>
    public static string ToCsv(AllocationResult result, IReadOnlyList<OriginAmount>? origins = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder();
        csv.Append("record,department,counterpart,amount\n");
        foreach (var d in result.Departments)
        {
            Row("directCost", d.Id, string.Empty, d.DirectCost);
            Row("received", d.Id, string.Empty, d.Received);
            if (d.PassedOn is { } passedOn)
            {
                Row("passedOn", d.Id, string.Empty, passedOn);
            }

            Row("finalCost", d.Id, string.Empty, d.FinalCost);
        }

        foreach (var t in result.Transfers)
        {
            Row("transfer", t.From, t.To, t.Amount);
        }

        foreach (var o in origins ?? [])
        {
            Row("origin", o.Receiver, o.Origin, o.Amount);
        }

        if (result.Iterations is { } iterations)
        {
            csv.Append(CultureInfo.InvariantCulture, $"iterations,,,{iterations}\n");
            csv.Append(CultureInfo.InvariantCulture, $"residual,,,{Residual(result.Residual!.Value)}\n");
        }

        return csv.ToString();

        void Row(string record, string department, string counterpart, decimal amount) =>
            csv.Append(record).Append(',').Append(Field(department)).Append(',').Append(Field(counterpart)).Append(',').Append(Amount(amount)).Append('\n');
    }

    public static string Residual(decimal residual) =>
        decimal.Round(residual, 12).ToString("0.00##########", CultureInfo.InvariantCulture);

    /// <summary>Quotes when needed; a text a spreadsheet would read as a formula gets an apostrophe first.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
