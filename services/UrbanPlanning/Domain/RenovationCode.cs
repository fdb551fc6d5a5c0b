using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CityEServices.Iran;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// کد نوسازی: <c>district-zone-block-parcel-building-apartment-shop</c>, seven numeric segments, the
/// first being the district. Trailing segments may be 0.
/// </summary>
public readonly record struct RenovationCode
{
    public const int Segments = 7;

    /// <summary>Nine digits keep every segment inside an int; real segments are far shorter.</summary>
    public const int MaxSegmentDigits = 9;

    private readonly string? _value;

    private RenovationCode(string value, int district)
    {
        _value = value;
        District = district;
    }

    /// <summary>Canonical form: segments as plain numbers (no leading zeros) joined by '-'.</summary>
    public string Value => _value ?? string.Empty;

    public int District { get; }

    public override string ToString() => Value;

    public static bool TryParse([NotNullWhen(true)] string? input, out RenovationCode value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "Renovation code is required.";
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length != Segments)
        {
            error = "Renovation code must have seven numeric segments: district-zone-block-parcel-building-apartment-shop.";
            return false;
        }

        var numbers = new int[Segments];
        for (var i = 0; i < Segments; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > MaxSegmentDigits || part.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                error = $"Renovation code segment {i + 1} must be 1–{MaxSegmentDigits} digits.";
                return false;
            }

            numbers[i] = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (!Districts.IsValid(numbers[0]))
        {
            error = $"Renovation code must start with a district {Districts.Min}–{Districts.Max}.";
            return false;
        }

        value = new RenovationCode(string.Join('-', numbers), numbers[0]);
        error = null;
        return true;
    }
}
