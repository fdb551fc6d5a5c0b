using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityEServices.UrbanPlanning.Domain.Requests;

public enum DetailKind
{
    Integer,
    Decimal,
    Text,
    Choice,
}

/// <summary>One field of a service type's details: its JSON name, kind and bounds.</summary>
public sealed record DetailField(string Name, DetailKind Kind, decimal Min = 0, decimal Max = 1_000_000_000_000m, int MaxLength = 200, IReadOnlyList<string>? Choices = null);

/// <summary>What must already exist on the file before a request of a type may be made.</summary>
[Flags]
public enum Prerequisites
{
    None = 0,
    IssuedBuildingPermit = 1,
    FinalSupervisorReport = 2,
}

/// <summary>
/// A fee as data: a base amount plus a rate per unit of some numeric details, in rials
/// (e.g. per m² of area, per metre of trench). Rounded down to whole rials.
/// </summary>
public sealed record FeeFormula(decimal BaseRial, IReadOnlyDictionary<string, decimal> RialPerUnit)
{
    public static FeeFormula Flat(decimal rial) => new(rial, new Dictionary<string, decimal>());

    public decimal Compute(RequestDetails details) =>
        decimal.Floor(BaseRial + RialPerUnit.Sum(rate => rate.Value * (details.Decimal(rate.Key) ?? 0m)));
}

/// <summary>
/// The rules one service type is judged by, in one version: the details it needs, the documents the
/// archive must hold, its fee and its SLA. A request stores the version it was submitted under, so a
/// later change of rules never changes the fee or deadline of a request already in progress.
/// </summary>
public sealed record ServiceRule(
    string ServiceType,
    int Version,
    DateTimeOffset EffectiveFrom,
    string TitleFa,
    IReadOnlyList<DetailField> Details,
    IReadOnlyList<string> RequiredDocuments,
    FeeFormula Fee,
    int SlaDays,
    Prerequisites Prerequisites = Prerequisites.None)
{
    /// <summary>Checks <paramref name="input"/> against <see cref="Details"/>: canonical details, or errors keyed <c>details.{name}</c>.</summary>
    public Validated<RequestDetails> ValidateDetails(JsonElement? input)
    {
        var errors = new ValidationErrors();
        var canonical = new JsonObject();
        if (input is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            errors.Add("details", "Details must be a JSON object.");
            return Validated<RequestDetails>.Invalid(errors);
        }

        var given = input is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in Details)
        {
            var key = $"details.{field.Name}";
            if (!given.TryGetValue(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                errors.Add(key, $"{field.Name} is required.");
                continue;
            }

            if (Check(field, value, out var node) is { } error)
            {
                errors.Add(key, error);
                continue;
            }

            canonical[field.Name] = node;
        }

        foreach (var unknown in given.Keys.Where(k => !Details.Any(f => string.Equals(f.Name, k, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add($"details.{unknown}", $"{ServiceType} has no detail '{unknown}'.");
        }

        return errors.Result(() => new RequestDetails(canonical));
    }

    private static string? Check(DetailField field, JsonElement value, out JsonNode? node)
    {
        node = null;
        switch (field.Kind)
        {
            case DetailKind.Integer or DetailKind.Decimal:
                if (!TryNumber(value, out var number) || (field.Kind == DetailKind.Integer && number != decimal.Truncate(number)))
                {
                    return field.Kind == DetailKind.Integer ? $"{field.Name} must be a whole number." : $"{field.Name} must be a number.";
                }

                if (number < field.Min || number > field.Max)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{field.Name} must be between {field.Min} and {field.Max}.");
                }

                node = field.Kind == DetailKind.Integer ? JsonValue.Create((long)number) : JsonValue.Create(number);
                return null;

            case DetailKind.Text:
                var text = value.ValueKind == JsonValueKind.String ? PersianText.Normalize(value.GetString())?.Trim() : null;
                if (string.IsNullOrEmpty(text))
                {
                    return $"{field.Name} must be non-empty text.";
                }

                if (text.Length > field.MaxLength)
                {
                    return $"{field.Name} must be at most {field.MaxLength} characters.";
                }

                node = JsonValue.Create(text);
                return null;

            default:
                var choice = value.ValueKind == JsonValueKind.String
                    ? field.Choices?.FirstOrDefault(c => string.Equals(c, value.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase))
                    : null;
                if (choice is null)
                {
                    return $"{field.Name} must be one of {string.Join(", ", field.Choices ?? [])}.";
                }

                node = JsonValue.Create(choice);
                return null;
        }
    }

    private static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            // Counters type Persian digits into text boxes; accept "۱۲" as 12.
            JsonValueKind.String => decimal.TryParse(PersianText.NormalizeDigits(value.GetString()), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}

/// <summary>A request's validated details (canonical JSON), with typed reads for fees and events.</summary>
public sealed class RequestDetails(JsonObject values)
{
    public JsonObject Values { get; } = values;

    public static RequestDetails Parse(string json) => new(JsonNode.Parse(json) as JsonObject ?? []);

    public decimal? Decimal(string name) => Values[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
        : Values[name] is JsonValue l && l.TryGetValue<long>(out var n) ? n : null;

    public int Integer(string name) => (int)(Decimal(name) ?? 0);

    public string Text(string name) => Values[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    public string ToJson() => Values.ToJsonString();
}
