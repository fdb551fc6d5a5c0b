using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// کد رهگیری: what a citizen types (together with their national ID) to follow their file without
/// signing in. It is the only secret guarding that anonymous lookup, so it is drawn from a CSPRNG and
/// long enough that guessing is hopeless even without the rate limit.
/// </summary>
public static class TrackingCode
{
    /// <summary>
    /// Digits and capitals without 0/O, 1/I/L, the pairs people misread on a receipt or over the phone.
    /// 31 symbols, so each carries log2(31) ≈ 4.95 bits.
    /// </summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>13 symbols ≈ 64.4 bits of entropy (12 would be 59.5, just under the 60-bit floor).</summary>
    public const int Length = 13;

    public static double EntropyBits => Length * Math.Log2(Alphabet.Length);

    /// <summary>A new code; uniform over the alphabet (GetItems rejects biased draws internally).</summary>
    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>
    /// Canonical form of what a citizen typed: upper case, Persian digits mapped, spaces and hyphens
    /// (people group long codes) removed. Characters outside the alphabet make it invalid.
    /// </summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? code)
    {
        Span<int> values = stackalloc int[Length];
        code = TypedCode.TryRead(input, values, static c => Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal))
            ? TypedCode.Write(values, Alphabet)
            : null;
        return code is not null;
    }
}
