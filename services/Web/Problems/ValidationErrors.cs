using System.Diagnostics.CodeAnalysis;
using CityEServices.Iran;

namespace CityEServices.Web.Problems;

/// <summary>Collects field errors keyed by the JSON path of the field (camelCase, <c>owners[1].nationalId</c>), for 400 validation problems.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Every one of <paramref name="messages"/> (a policy's list of what is wrong) under <paramref name="field"/>.</summary>
    public void Add(string field, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Add(field, message);
        }
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

    public void AddAll(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            Add(field, messages);
        }
    }

    /// <summary>Adds <paramref name="message"/> unless the field already has an error (the first says most).</summary>
    public void AddFirst(string field, string message)
    {
        if (!Has(field))
        {
            Add(field, message);
        }
    }

    /// <summary>The value <paramref name="input"/> names; default (with the field's error added, "… is required." when blank) when it names none.</summary>
    public T Parse<T>(string field, string? input) where T : IValidatedValue<T>
    {
        if (T.TryParse(input, out var value, out var error))
        {
            return value;
        }

        Add(field, error);
        return default!;
    }

    /// <summary>As <see cref="Parse{T}"/> for a field that may be left out: null when blank.</summary>
    public T? Optional<T>(string field, string? input) where T : struct, IValidatedValue<T>
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        if (T.TryParse(input, out var value, out var error))
        {
            return value;
        }

        Add(field, error);
        return null;
    }

    /// <summary>
    /// The items of <paramref name="requested"/> spelled as in <paramref name="known"/> (case aside,
    /// duplicates dropped); each unknown one adds "{label} '…' (item i) is not one of: …".
    /// </summary>
    public string[] Known(string field, IReadOnlyList<string?>? requested, IReadOnlyList<string> known, string label)
    {
        var canonical = new List<string>();
        for (var i = 0; i < (requested?.Count ?? 0); i++)
        {
            var item = requested![i]?.Trim();
            var match = item is null ? null : known.FirstOrDefault(k => string.Equals(k, item, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                Add(field, $"{label} '{requested[i]}' (item {i}) is not one of: {string.Join(", ", known)}.");
            }
            else if (!canonical.Contains(match))
            {
                canonical.Add(match);
            }
        }

        return [.. canonical];
    }

    /// <summary>
    /// Ends a rule's check, the one way every rule class answers: the value <paramref name="make"/> builds
    /// when no field failed (made only then), or the field errors keyed by the request's JSON names.
    /// </summary>
    public Validated<T> Result<T>(Func<T> make) where T : class =>
        IsEmpty ? Validated<T>.Valid(make()) : Validated<T>.Invalid(this);

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>Either a checked value or the field errors that explain why there is none.</summary>
public sealed record Validated<T>(T? Value, Dictionary<string, string[]> Errors) where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    public static Validated<T> Valid(T value) => new(value, []);

    public static Validated<T> Invalid(ValidationErrors errors) => new(null, errors.ToDictionary());
}
