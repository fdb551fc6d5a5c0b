using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;

namespace CityEServices.Property.Domain;

/// <summary>
/// An amount of dang (دانگ): a property is six dang, and owners hold exact fractions of it (2.5, 1/3).
/// Kept as a reduced fraction of two longs so that 1/3 + 1/3 + 1/3 is exactly 1 and no share is ever
/// rounded: binary floating point cannot even hold 0.1, and a deed is not approximately owned.
/// </summary>
/// <remarks>
/// <c>default</c> is zero (the denominator is stored minus one for that reason). Arithmetic runs in
/// 128 bits and throws <see cref="OverflowException"/> only when a reduced result does not fit a long,
/// which real shares never approach.
/// </remarks>
[JsonConverter(typeof(DangJsonConverter))]
[ValidatedValue("A share in dang")]
public readonly partial struct Dang :
    IEquatable<Dang>,
    IComparable<Dang>,
    IComparisonOperators<Dang, Dang, bool>,
    IAdditionOperators<Dang, Dang, Dang>,
    ISubtractionOperators<Dang, Dang, Dang>,
    IUnaryNegationOperators<Dang, Dang>,
    IValidatedValue<Dang>
{
    /// <summary>The whole property.</summary>
    public static readonly Dang Six = new(6, 1);

    public static readonly Dang Zero;

    // Enough for any decimal a person types and for denominators far finer than a deed uses, while
    // keeping every parsed part safely inside a long.
    private const int MaxDigits = 18;

    // Ten to the power of a decimal expansion longer than this would not fit an Int128.
    private const int MaxDecimalPlaces = 30;

    private readonly long _numerator;
    private readonly long _denominatorMinusOne;

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/> in lowest terms.</summary>
    public Dang(long numerator, long denominator)
        : this(Reduce(numerator, denominator))
    {
    }

    private Dang((long Numerator, long Denominator) reduced)
    {
        _numerator = reduced.Numerator;
        _denominatorMinusOne = reduced.Denominator - 1;
    }

    public long Numerator => _numerator;

    /// <summary>Always positive; 1 for whole numbers of dang.</summary>
    public long Denominator => _denominatorMinusOne + 1;

    public bool IsPositive => _numerator > 0;

    public bool IsNegative => _numerator < 0;

    public bool IsZero => _numerator == 0;

    public static Dang FromWhole(long dang) => new(dang, 1);

    public static Dang Sum(IEnumerable<Dang> shares)
    {
        var total = Zero;
        foreach (var share in shares)
        {
            total += share;
        }

        return total;
    }

    public static Dang operator +(Dang left, Dang right) =>
        new(Reduce(((Int128)left.Numerator * right.Denominator) + ((Int128)right.Numerator * left.Denominator), (Int128)left.Denominator * right.Denominator));

    public static Dang operator -(Dang left, Dang right) => left + (-right);

    public static Dang operator -(Dang value) => new((checked(-value.Numerator), value.Denominator));

    public static bool operator ==(Dang left, Dang right) => left.Equals(right);

    public static bool operator !=(Dang left, Dang right) => !left.Equals(right);

    public static bool operator <(Dang left, Dang right) => left.CompareTo(right) < 0;

    public static bool operator >(Dang left, Dang right) => left.CompareTo(right) > 0;

    public static bool operator <=(Dang left, Dang right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Dang left, Dang right) => left.CompareTo(right) >= 0;

    // Both sides are in lowest terms with a positive denominator, so equal values have equal fields.
    public bool Equals(Dang other) => _numerator == other._numerator && _denominatorMinusOne == other._denominatorMinusOne;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Dang other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_numerator, _denominatorMinusOne);

    public int CompareTo(Dang other) =>
        ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);

    /// <summary>The exact fraction: <c>5/2</c>, or <c>6</c> for a whole number. This is the wire form in events and gRPC.</summary>
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>
    /// The exact decimal expansion (<c>2.5</c>, <c>0.125</c>) when there is one, i.e. when the denominator
    /// has no prime factor other than 2 and 5. One third has none, and is never written as 0.333….
    /// </summary>
    public bool TryFormatDecimal([NotNullWhen(true)] out string? text)
    {
        text = null;
        var denominator = Denominator;
        int twos = 0, fives = 0;
        while (denominator % 2 == 0)
        {
            denominator /= 2;
            twos++;
        }

        while (denominator % 5 == 0)
        {
            denominator /= 5;
            fives++;
        }

        var places = Math.Max(twos, fives);
        if (denominator != 1 || places > MaxDecimalPlaces)
        {
            return false;
        }

        var scale = Int128.One;
        for (var i = 0; i < places; i++)
        {
            scale *= 10;
        }

        // scale is a multiple of the denominator by construction, so this is exact.
        var scaled = Int128.Abs((Int128)Numerator * (scale / Denominator));
        var whole = (scaled / scale).ToString(CultureInfo.InvariantCulture);
        var sign = IsNegative ? "-" : string.Empty;
        text = places == 0
            ? sign + whole
            : string.Concat(sign, whole, ".", (scaled % scale).ToString(CultureInfo.InvariantCulture).PadLeft(places, '0'));
        return true;
    }

    /// <summary>
    /// Reads a decimal (<c>2.5</c>, <c>۲٫۵</c>) or a fraction (<c>5/2</c>, <c>1 / 3</c>), Persian and Arabic
    /// digits accepted. Exponents are refused: nobody writes a share as 2.5e0, and a parser that accepts
    /// them invites a float somewhere upstream.
    /// </summary>
    private static string? Read(string text, out Dang value)
    {
        value = Zero;
        var slash = text.IndexOfAny(['/', '\u2044', '\u2215']);
        if (slash >= 0)
        {
            if (!TryParseInteger(text.AsSpan(0, slash).Trim(), allowSign: true, out var numerator)
                || !TryParseInteger(text.AsSpan(slash + 1).Trim(), allowSign: false, out var denominator))
            {
                return "A fraction of dang must be two whole numbers such as 5/2.";
            }

            if (denominator == 0)
            {
                return "A fraction of dang cannot have a zero denominator.";
            }

            value = new Dang(numerator, denominator);
            return null;
        }

        if (!TryParseDecimal(text.AsSpan(), out value))
        {
            return $"'{text}' is not a share in dang: write a decimal such as 2.5 or a fraction such as 5/2 (at most {MaxDigits} digits).";
        }

        return null;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> text, out Dang value)
    {
        value = Zero;
        var negative = text.StartsWith('-');
        if (negative || text.StartsWith('+'))
        {
            text = text[1..];
        }

        // U+066B is the Arabic/Persian decimal separator (٫).
        var point = text.IndexOfAny('.', '\u066B');
        var wholePart = point < 0 ? text : text[..point];
        var fractionPart = point < 0 ? [] : text[(point + 1)..];
        if (wholePart.IsEmpty || (point >= 0 && fractionPart.IsEmpty)
            || wholePart.ContainsAnyExceptInRange('0', '9') || fractionPart.ContainsAnyExceptInRange('0', '9')
            || wholePart.Length + fractionPart.Length > MaxDigits)
        {
            return false;
        }

        var numerator = 0L;
        foreach (var c in wholePart)
        {
            numerator = (numerator * 10) + (c - '0');
        }

        var denominator = 1L;
        foreach (var c in fractionPart)
        {
            numerator = (numerator * 10) + (c - '0');
            denominator *= 10;
        }

        value = new Dang(negative ? -numerator : numerator, denominator);
        return true;
    }

    private static bool TryParseInteger(ReadOnlySpan<char> text, bool allowSign, out long number)
    {
        number = 0;
        var negative = allowSign && text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        if (text.IsEmpty || text.Length > MaxDigits || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        number = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        number = negative ? -number : number;
        return true;
    }

    private static (long Numerator, long Denominator) Reduce(long numerator, long denominator) =>
        denominator == 0 ? throw new DivideByZeroException("A share cannot have a zero denominator.") : Reduce((Int128)numerator, denominator);

    private static (long Numerator, long Denominator) Reduce(Int128 numerator, Int128 denominator)
    {
        if (denominator < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = GreatestCommonDivisor(Int128.Abs(numerator), denominator);
        if (divisor > 1)
        {
            numerator /= divisor;
            denominator /= divisor;
        }

        if (numerator == 0)
        {
            denominator = 1;
        }

        return (checked((long)numerator), checked((long)denominator));
    }

    private static Int128 GreatestCommonDivisor(Int128 a, Int128 b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
