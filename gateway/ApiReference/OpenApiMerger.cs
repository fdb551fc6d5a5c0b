using System.Text.Json.Nodes;

namespace CityEServices.Gateway.ApiReference;

/// <summary>
/// Merges the services' OpenAPI documents into the one contract clients are generated from. Pure:
/// JSON in, JSON out, so the rules are unit-tested without a stack.
/// </summary>
/// <remarks>
/// Component schemas with the same name and the same content are shared. A name that means something
/// else in a later service is renamed to <c>{Service}{Name}</c> (the service's title without spaces)
/// and that document's <c>$ref</c>s follow, so the result depends only on the documents and their order,
/// never on timing. Paths never clash (each service owns its prefix); if one did, the first service wins
/// per method. Servers become the gateway alone.
/// </remarks>
public static class OpenApiMerger
{
    private const string SchemaRefPrefix = "#/components/schemas/";

    public static JsonObject Merge(string title, IEnumerable<(string Service, JsonObject Document)> documents)
    {
        var paths = new JsonObject();
        var components = new JsonObject();
        var tags = new JsonArray();
        var tagNames = new HashSet<string>(StringComparer.Ordinal);
        string? openApiVersion = null;

        foreach (var (service, original) in documents)
        {
            var document = (JsonObject)original.DeepClone();
            openApiVersion ??= document["openapi"]?.GetValue<string>();
            RenameClashingSchemas(service, document, components);

            if (document["components"] is JsonObject ownComponents)
            {
                foreach (var (kind, entries) in ownComponents)
                {
                    if (entries is not JsonObject ownEntries)
                    {
                        continue;
                    }

                    var merged = components[kind] as JsonObject ?? (JsonObject)(components[kind] = new JsonObject());
                    foreach (var (name, value) in ownEntries)
                    {
                        if (!merged.ContainsKey(name))
                        {
                            merged[name] = value?.DeepClone();
                        }
                    }
                }
            }

            if (document["paths"] is JsonObject ownPaths)
            {
                foreach (var (path, item) in ownPaths)
                {
                    if (paths[path] is not JsonObject existing)
                    {
                        paths[path] = item?.DeepClone();
                        continue;
                    }

                    foreach (var (method, operation) in (JsonObject)item!)
                    {
                        if (!existing.ContainsKey(method))
                        {
                            existing[method] = operation?.DeepClone();
                        }
                    }
                }
            }

            if (document["tags"] is JsonArray ownTags)
            {
                foreach (var tag in ownTags)
                {
                    if (tag?["name"]?.GetValue<string>() is { } name && tagNames.Add(name))
                    {
                        tags.Add(tag.DeepClone());
                    }
                }
            }
        }

        var result = new JsonObject
        {
            ["openapi"] = openApiVersion ?? "3.1.1",
            ["info"] = new JsonObject { ["title"] = title, ["version"] = "v1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = Sorted(paths),
            ["components"] = SortedComponents(components),
        };
        if (tags.Count > 0)
        {
            result["tags"] = tags;
        }

        return result;
    }

    /// <summary>The name a clashing schema of <paramref name="service"/> gets.</summary>
    public static string Prefixed(string service, string name) =>
        string.Concat(service.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + name;

    private static void RenameClashingSchemas(string service, JsonObject document, JsonObject merged)
    {
        if (document["components"]?["schemas"] is not JsonObject own || merged["schemas"] is not JsonObject existing)
        {
            return;
        }

        // A schema equal by text to an existing one but pointing at a renamed schema is no longer the
        // same, so repeat until no new clash appears.
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        bool found;
        do
        {
            found = false;
            var rewritten = (JsonObject)own.DeepClone();
            RewriteReferences(rewritten, renames);
            foreach (var (name, schema) in rewritten)
            {
                if (renames.ContainsKey(name) || existing[name] is not { } other || JsonNode.DeepEquals(other, schema))
                {
                    continue;
                }

                var renamed = Prefixed(service, name);
                for (var n = 2; existing.ContainsKey(renamed) || own.ContainsKey(renamed); n++)
                {
                    renamed = Prefixed(service, name) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                renames[name] = renamed;
                found = true;
            }
        }
        while (found);

        if (renames.Count == 0)
        {
            return;
        }

        RewriteReferences(document, renames);
        foreach (var (from, to) in renames)
        {
            var schema = own[from];
            own.Remove(from);
            own[to] = schema;
        }
    }

    private static void RewriteReferences(JsonNode? node, IReadOnlyDictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target
                    && target.StartsWith(SchemaRefPrefix, StringComparison.Ordinal)
                    && renames.TryGetValue(target[SchemaRefPrefix.Length..], out var renamed))
                {
                    obj["$ref"] = SchemaRefPrefix + renamed;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RewriteReferences(child, renames);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child, renames);
                }

                break;
        }
    }

    private static JsonObject Sorted(JsonObject entries) =>
        new(entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, e.Value?.DeepClone())));

    private static JsonObject SortedComponents(JsonObject components) =>
        new(components.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(e.Key, e.Value is JsonObject inner ? (JsonNode?)Sorted(inner) : e.Value?.DeepClone())));
}
