using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// Reads a validated value from a JSON string (Persian and Arabic digits accepted) and writes its
/// canonical ASCII form. An invalid value throws <see cref="JsonException"/> carrying the reason, which
/// ASP.NET Core turns into a 400 rather than a 500.
/// </summary>
public sealed class ValidatedValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IValidatedValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Numbers are refused on purpose: a JSON number has already lost the leading zeros of
        // codes such as 0076229645, so accepting it would validate something the client never sent.
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
        {
            throw new JsonException($"{typeof(T).Name} must be a JSON string, not {reader.TokenType}.");
        }

        return ParseOrThrow(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        // Canonical forms are short and only ASCII letters, digits and '+', so they need no escaping.
        // Writing them raw keeps the default encoder from turning "+98…" into "\u002B98…".
        var text = value.ToString() ?? string.Empty;
        Span<char> quoted = stackalloc char[text.Length + 2];
        quoted[0] = '"';
        text.CopyTo(quoted[1..]);
        quoted[^1] = '"';
        writer.WriteRawValue(quoted, skipInputValidation: true);
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParseOrThrow(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString() ?? string.Empty);

    private static T ParseOrThrow(string? text) =>
        T.TryParse(text, out var value, out var error) ? value : throw new JsonException(error);
}
