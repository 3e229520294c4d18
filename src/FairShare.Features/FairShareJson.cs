using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FairShare.Domain;

namespace FairShare.Features;

/// <summary>The JSON conventions of the API and the CLI: camelCase names, enums as slugs, money as "1234.56".</summary>
public static class FairShareJson
{
    /// <summary>For files and terminals: indented, and £ written as itself rather than escaped.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>For stored snapshots (the audit log): one line, same conventions.</summary>
    public static JsonSerializerOptions Compact { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static JsonSerializerOptions Configure(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        json.Converters.Add(new MoneyJsonConverter());
        return json;
    }
}

/// <summary>Money in JSON is a string of pounds with two decimals ("1234.56"), so no client reads it as a float.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Money.FromPounds(decimal.Parse(reader.GetString() ?? "", NumberStyles.Number, CultureInfo.InvariantCulture));

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToPlainString());
}
