namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// Crockford's base32 (digits and capitals without I, L, O, U) and a check symbol over it that lives in
/// the same 32 symbols, so a number stays alphanumeric (QR alphanumeric mode, a URL path, a phone call).
/// </summary>
/// <remarks>
/// The check treats each symbol as an element of GF(32) (polynomial basis, x⁵ + x² + 1, α = x) and makes
/// the whole number, read as a polynomial in α, vanish: Σ dᵢ·α^(n−1−i) = 0. Every position has a
/// different non-zero weight α^k (k &lt; 31), so any single wrong symbol gives e·α^k ≠ 0, and swapping any
/// two different symbols — adjacent or not — gives (a ⊕ b)(α^j ⊕ α^k) ≠ 0: both are always caught, for
/// numbers up to 31 symbols long. (Crockford's own mod-37 check needs five extra symbols, *~$=U, that
/// are neither alphanumeric nor easy to read aloud.)
/// </remarks>
public static class CrockfordBase32
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>x⁵ + x² + 1, a primitive polynomial: α = x has order 31.</summary>
    private const int Polynomial = 0b100101;

    /// <summary>
    /// The value (0–31) of a symbol as people type it: lower case allowed, O read as 0, I and L as 1.
    /// −1 for anything else (U included: Crockford leaves it out so that no accidental word appears).
    /// </summary>
    public static int ValueOf(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return upper switch
        {
            'O' => 0,
            'I' or 'L' => 1,
            _ => Alphabet.IndexOf(upper, StringComparison.Ordinal),
        };
    }

    /// <summary>The check symbol's value for <paramref name="values"/> (each 0–31): α · Σ dᵢ·α^(n−1−i).</summary>
    public static int CheckValue(ReadOnlySpan<int> values) => MultiplyByAlpha(Horner(values));

    /// <summary>Whether data followed by its check symbol vanishes, i.e. the check symbol is right.</summary>
    public static bool IsValid(ReadOnlySpan<int> valuesWithCheck) => valuesWithCheck.Length > 1 && Horner(valuesWithCheck) == 0;

    private static int Horner(ReadOnlySpan<int> values)
    {
        var sum = 0;
        foreach (var value in values)
        {
            sum = MultiplyByAlpha(sum) ^ value;
        }

        return sum;
    }

    private static int MultiplyByAlpha(int element)
    {
        var shifted = element << 1;
        return (shifted & 0b100000) != 0 ? shifted ^ Polynomial : shifted;
    }
}
