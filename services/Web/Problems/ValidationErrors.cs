using CityEServices.Iran;

namespace CityEServices.Web.Problems;

/// <summary>Collects field errors keyed by the JSON path of the field (camelCase, <c>owners[1].nationalId</c>), for 400 validation problems.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds <paramref name="message"/> when it is not null; returns whether it was added.</summary>
    public bool AddIf(string field, string? message)
    {
        if (message is null)
        {
            return false;
        }

        Add(field, message);
        return true;
    }

    /// <summary>
    /// Persian-normalised text that must be present and at most <paramref name="maxLength"/> long;
    /// null (with the field's error added) when it is not.
    /// </summary>
    public string? RequiredText(string? value, string field, string label, int maxLength)
    {
        var text = PersianText.Normalize(value);
        if (string.IsNullOrEmpty(text))
        {
            Add(field, $"{label} is required.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"{label} must be at most {maxLength} characters; got {text.Length}.");
            return null;
        }

        return text;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>Either a checked value or the field errors that explain why there is none.</summary>
public sealed record Validated<T>(T? Value, Dictionary<string, string[]> Errors) where T : class
{
    public bool IsValid => Value is not null;

    public static Validated<T> Valid(T value) => new(value, []);

    public static Validated<T> Invalid(ValidationErrors errors) => new(null, errors.ToDictionary());
}
