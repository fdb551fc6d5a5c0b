using System.Globalization;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// شماره پرونده: 2-digit district followed by a 9-digit sequence that runs per district, e.g.
/// <c>22001840320</c> is file 1,840,320 of district 22. The district prefix lets anyone route a file by
/// eye; the sequence is allocated without gaps (see Data/FileNumberAllocator).
/// </summary>
[ValidatedValue("File number")]
public readonly partial record struct FileNumber : IValidatedValue<FileNumber>
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

    private static string? Read(string text, out FileNumber value)
    {
        value = default;
        if (text.Length != Length || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return $"File number must be {Length} digits: a 2-digit district and a 9-digit sequence.";
        }

        var district = int.Parse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = long.Parse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (!Districts.IsValid(district))
        {
            return $"File number must start with a district {Districts.Min:00}–{Districts.Max:00}.";
        }

        if (sequence == 0)
        {
            return "File number sequence starts at 1.";
        }

        value = new FileNumber(district, sequence);
        return null;
    }
}
