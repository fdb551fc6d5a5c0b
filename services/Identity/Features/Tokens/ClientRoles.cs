using System.Collections.Immutable;
using System.Text.Json;
using CityEServices.Contracts.Security;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>A client's roles live in its OpenIddict application's properties, as a JSON array.</summary>
public static class ClientRoles
{
    public const string PropertyName = "city_roles";

    public static JsonElement ToProperty(IEnumerable<string> roles) => JsonSerializer.SerializeToElement(roles.ToArray());

    /// <summary>Reads the stored roles, keeping only ones that still exist.</summary>
    public static ImmutableArray<string> Read(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(PropertyName, out var roles) && roles.ValueKind == JsonValueKind.Array
            ? [.. roles.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.String)
                .Select(r => r.GetString()!)
                .Where(Roles.All.Contains)]
            : [];
}
