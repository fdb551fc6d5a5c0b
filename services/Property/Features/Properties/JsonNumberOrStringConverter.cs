using System.Text.Json;
using System.Text.Json.Serialization;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Reads a JSON number or string into a string, keeping a number's exact text. Used for request fields
/// (such as a share in dang) that are parsed by validation, so that a bad value becomes a field error
/// rather than an unreadable body.
/// </summary>
public sealed class JsonNumberOrStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => DangJsonConverter.RawText(ref reader),
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a JSON number or string, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
