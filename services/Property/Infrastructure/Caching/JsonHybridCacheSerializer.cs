using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;

namespace CityEServices.Property.Infrastructure.Caching;

/// <summary>Cache entries as the API's own JSON (camelCase, enums by name), so what Redis holds is readable and round-trips exactly.</summary>
public sealed class JsonHybridCacheSerializer<T> : IHybridCacheSerializer<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public T Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize<T>(ref reader, Options) ?? throw new JsonException($"A cached {typeof(T).Name} was null.");
    }

    public void Serialize(T value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, Options);
    }
}
