using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// شماره پرونده: 2-digit district followed by a 9-digit sequence that runs per district, e.g.
/// <c>22001840320</c> is file 1,840,320 of district 22. The district prefix lets anyone route a file by
/// eye; the sequence is allocated without gaps (see Data/FileNumberAllocator).
/// </summary>
public readonly record struct FileNumber : IParsable<FileNumber>
{
    public const int Length = 11;
    public const long MaxSequence = 999_999_999;

    public FileNumber(int district, long sequence)
    {
        if (!Districts.IsValid(district))
        {
            throw new ArgumentOutOfRangeException(nameof(district), district, $"District must be {Districts.Min}–{Districts.Max}.");
        }

        if (sequence is < 1 or > MaxSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"District {district} has run out of 9-digit file numbers.");
        }

        District = district;
        Sequence = sequence;
    }

    public int District { get; }

    public long Sequence { get; }

    public override string ToString() => District == 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"{District:00}{Sequence:000000000}");

    public static bool TryParse([NotNullWhen(true)] string? input, out FileNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "File number is required.";
            return false;
        }

        if (text.Length != Length || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = $"File number must be {Length} digits: a 2-digit district and a 9-digit sequence.";
            return false;
        }

        var district = int.Parse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = long.Parse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (!Districts.IsValid(district))
        {
            error = $"File number must start with a district {Districts.Min:00}–{Districts.Max:00}.";
            return false;
        }

        if (sequence == 0)
        {
            error = "File number sequence starts at 1.";
            return false;
        }

        value = new FileNumber(district, sequence);
        error = null;
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FileNumber result) =>
        TryParse(s, out result, out _);

    public static FileNumber Parse(string s, IFormatProvider? provider) =>
        TryParse(s, out var value, out var error) ? value : throw new FormatException(error);

    public static FileNumber Parse(string s) => Parse(s, null);
}
