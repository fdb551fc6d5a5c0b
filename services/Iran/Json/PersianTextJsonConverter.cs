using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// Put on a string property of a request to store and search it in <see cref="PersianText.Normalize"/>
/// form. Deliberately opt-in per property: applied to every string it would also rewrite passwords,
/// tokens and file names.
/// </summary>
public sealed class PersianTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? PersianText.Normalize(reader.GetString())
            : throw new JsonException($"Expected a JSON string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
