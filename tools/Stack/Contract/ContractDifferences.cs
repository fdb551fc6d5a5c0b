using System.Text.Json.Nodes;

namespace CityEServices.Stack.Contract;

/// <summary>Where two contracts differ, as JSON pointers a reader can find in either file (added, removed, changed).</summary>
public static class ContractDifferences
{
    public static IReadOnlyList<string> Between(string snapshot, string current)
    {
        var found = new List<string>();
        Compare(JsonNode.Parse(snapshot), JsonNode.Parse(current), "", found);
        return found;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string at, List<string> found)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in a)
                {
                    var path = $"{at}/{Escape(key)}";
                    if (!b.ContainsKey(key))
                    {
                        found.Add($"removed {path}");
                    }
                    else
                    {
                        Compare(value, b[key], path, found);
                    }
                }

                found.AddRange(b.Where(p => !a.ContainsKey(p.Key)).Select(p => $"added {at}/{Escape(p.Key)}"));
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    Compare(a[i], b[i], $"{at}/{i}", found);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    found.Add($"changed {(at.Length == 0 ? "/" : at)}");
                }

                break;
        }
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
