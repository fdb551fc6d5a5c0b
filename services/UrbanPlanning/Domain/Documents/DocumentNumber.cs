using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// شماره سند: the number printed on an issued document (permit, contract, certificate, report) and typed
/// into the public verification page. Twelve random Crockford base32 symbols from a CSPRNG — 60 bits,
/// the same floor as the tracking code, because <c>GET /api/verify/{number}</c> is anonymous — and one
/// check symbol (<see cref="CrockfordBase32"/>) that catches every mistyped symbol and every swap of
/// two symbols before anything is looked up. Nothing in it counts, so no number tells of any other;
/// the document type is in the signed payload, not in the number.
/// </summary>
/// <remarks>
/// Canonical form: 13 upper-case symbols (<c>7K3M9QX24HTVR</c>), as stored, in URLs and in the QR.
/// People see it grouped (<see cref="Display"/>: <c>7K3M-9QX2-4HTV-R</c>). Parsing accepts lower case,
/// hyphens and spaces, Persian digits, and Crockford's aliases (O for 0, I and L for 1).
/// </remarks>
public readonly record struct DocumentNumber
{
    public const int RandomLength = 12;
    public const int Length = RandomLength + 1;

    private readonly string? _value;

    private DocumentNumber(string value) => _value = value;

    /// <summary>Bits a guesser must cover: 12 × log2(32).</summary>
    public static int EntropyBits => RandomLength * 5;

    public string Value => _value ?? string.Empty;

    /// <summary>Grouped for people: four, four, four, then the check symbol.</summary>
    public string Display => _value is null ? string.Empty : $"{_value[..4]}-{_value[4..8]}-{_value[8..12]}-{_value[12]}";

    public override string ToString() => Value;

    /// <summary>A new number; uniform over the alphabet (GetItems rejects biased draws internally).</summary>
    public static DocumentNumber New()
    {
        Span<char> random = stackalloc char[RandomLength];
        RandomNumberGenerator.GetItems<char>(CrockfordBase32.Alphabet, random);
        return TryCheck(random, out var number) ? number : throw new UnreachableException("The alphabet's own symbols always read.");
    }

    /// <summary>The number with <paramref name="random"/> (12 symbols) and its check symbol appended; for tests and fixed samples.</summary>
    public static DocumentNumber FromRandomPart(string random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TryCheck(random, out var number) ? number : throw new ArgumentException($"Expected {RandomLength} Crockford base32 symbols.", nameof(random));
    }

    public static DocumentNumber Parse(string input) =>
        TryParse(input, out var number) ? number : throw new FormatException($"'{input}' is not a document number.");

    /// <summary>
    /// Reads what a person typed or a scanner read. False for a wrong length, a symbol outside the
    /// alphabet, or a check symbol that does not match (a typo, two swapped symbols).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out DocumentNumber number)
    {
        Span<int> values = stackalloc int[Length];
        var valid = TypedCode.TryRead(input, values, CrockfordBase32.ValueOf) && CrockfordBase32.IsValid(values);
        number = valid ? new DocumentNumber(TypedCode.Write(values, CrockfordBase32.Alphabet)) : default;
        return valid;
    }

    /// <summary>Exactly <see cref="RandomLength"/> symbols (no separators), canonical, with their check symbol appended.</summary>
    private static bool TryCheck(ReadOnlySpan<char> random, out DocumentNumber number)
    {
        number = default;
        Span<int> values = stackalloc int[Length];
        if (random.Length != RandomLength)
        {
            return false;
        }

        for (var i = 0; i < RandomLength; i++)
        {
            if ((values[i] = CrockfordBase32.ValueOf(random[i])) < 0)
            {
                return false;
            }
        }

        values[RandomLength] = CrockfordBase32.CheckValue(values[..RandomLength]);
        number = new DocumentNumber(TypedCode.Write(values, CrockfordBase32.Alphabet));
        return true;
    }
}
