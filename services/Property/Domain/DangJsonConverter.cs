using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityEServices.Property.Domain;

/// <summary>
/// Reads a share from a JSON number (<c>2.5</c>) or string (<c>"5/2"</c>, <c>"2.5"</c>) and writes it as
/// a JSON number when it has an exact decimal form, else as the fraction string (<c>"1/3"</c>).
/// </summary>
/// <remarks>
/// A number token is read from its raw text, never through <see cref="double"/> or
/// <see cref="decimal"/>, so what the client wrote is exactly what is parsed.
/// </remarks>
public sealed class DangJsonConverter : JsonConverter<Dang>
{
    public override Dang Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => RawText(ref reader),
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException($"A share in dang must be a JSON number or string, not {reader.TokenType}."),
        };

        return Dang.TryParse(text, out var value, out var error) ? value : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, Dang value, JsonSerializerOptions options)
    {
        if (value.TryFormatDecimal(out var text))
        {
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }

    /// <summary>The characters of the current number token exactly as they were sent.</summary>
    public static string RawText(ref Utf8JsonReader reader) => reader.HasValueSequence
        ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
        : Encoding.UTF8.GetString(reader.ValueSpan);
}
