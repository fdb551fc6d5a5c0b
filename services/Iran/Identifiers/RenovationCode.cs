using System.Globalization;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// کد نوسازی: the municipality's key for a property, seven numeric segments
/// <c>district-zone-block-parcel-building-apartment-shop</c>. The first is the district (1–22); the
/// others may be 0 (a parcel with no building, a building with no shops).
/// </summary>
/// <remarks>
/// The canonical form drops leading zeros from every segment, so <c>06-012-…</c> and <c>6-12-…</c> are
/// the same property wherever they are typed, stored or looked up.
/// </remarks>
[JsonConverter(typeof(ValidatedValueJsonConverter<RenovationCode>))]
[ValidatedValue("Renovation code")]
public readonly partial record struct RenovationCode : IValidatedValue<RenovationCode>
{
    public const int SegmentCount = 7;
    public const int MaxDistrict = 22;

    /// <summary>Seven segments of at most nine digits, six hyphens.</summary>
    public const int MaxLength = (SegmentCount * MaxSegmentDigits) + SegmentCount - 1;

    private const int MaxSegmentDigits = 9;

    private static readonly string[] SegmentNames = ["district", "zone", "block", "parcel", "building", "apartment", "shop"];

    // Kept here rather than generated: a partial struct's fields must all be in one part.
    private readonly string? _value;

    private RenovationCode(int[] segments)
    {
        District = segments[0];
        Zone = segments[1];
        Block = segments[2];
        Parcel = segments[3];
        Building = segments[4];
        Apartment = segments[5];
        Shop = segments[6];
        _value = string.Join('-', segments.Select(s => s.ToString(CultureInfo.InvariantCulture)));
    }

    public int District { get; }

    public int Zone { get; }

    public int Block { get; }

    public int Parcel { get; }

    public int Building { get; }

    public int Apartment { get; }

    public int Shop { get; }

    /// <summary>Canonical form, e.g. <c>6-12-104-7-0-0-0</c>.</summary>
    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;

    /// <summary>The rule, on text already digit-folded and not empty.</summary>
    private static string? Read(string text, out RenovationCode value)
    {
        value = default;
        var parts = text.Split('-');
        if (parts.Length != SegmentCount)
        {
            return $"Renovation code must have seven numeric segments district-zone-block-parcel-building-apartment-shop; got {parts.Length}.";
        }

        var segments = new int[SegmentCount];
        for (var i = 0; i < SegmentCount; i++)
        {
            var part = parts[i].AsSpan().Trim();
            if (part.IsEmpty || part.Length > MaxSegmentDigits || part.ContainsAnyExceptInRange('0', '9'))
            {
                return $"Renovation code segment {i + 1} ({SegmentNames[i]}) must be a whole number of 1 to {MaxSegmentDigits} digits.";
            }

            segments[i] = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (segments[0] is < 1 or > MaxDistrict)
        {
            return $"The first segment of a renovation code is the district and must be 1 to {MaxDistrict}; got {segments[0]}.";
        }

        value = new RenovationCode(segments);
        return null;
    }
}
