using System.Buffers;
using System.Globalization;
using System.Text;
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
        json.Converters.Add(new SlugEnumConverter());
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

/// <summary>
/// Enums in JSON are their documented words (<see cref="Slugs"/>: "budget-holder"), and only those. The framework's
/// string-enum converter also reads numbers, numeric strings and comma lists ("auditor, supplier" becomes an
/// undefined role), so a client could name a value no one documented; this one refuses them, naming the words.
/// </summary>
public sealed class SlugEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByWord = Enum.GetValues<T>().ToDictionary(v => v.ToSlug(), StringComparer.Ordinal);
        private static readonly Dictionary<T, string> Words = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToSlug());

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var given = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString() ?? "",
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                _ => reader.TokenType.ToString().ToLowerInvariant(),
            };
            return reader.TokenType == JsonTokenType.String && ByWord.TryGetValue(given, out var value)
                ? value
                : throw new JsonException(Slugs.NotOneOf<T>(given));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Word(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var given = reader.GetString() ?? "";
            return ByWord.TryGetValue(given, out var value) ? value : throw new JsonException(Slugs.NotOneOf<T>(given));
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Word(value));

        private static string Word(T value) => Words.TryGetValue(value, out var word) ? word : value.ToSlug();
    }
}
