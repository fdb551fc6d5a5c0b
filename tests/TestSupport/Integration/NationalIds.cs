namespace CityEServices.TestSupport;

/// <summary>Fresh valid national IDs (check digit computed as the card rule says), so tests never collide.</summary>
public static class NationalIds
{
    private static int _counter = Random.Shared.Next(1_000_000, 9_000_000);

    public static string Next()
    {
        var body = (100_000_000 + Interlocked.Increment(ref _counter)).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (body[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        var check = remainder < 2 ? remainder : 11 - remainder;
        return body + check;
    }

    /// <summary>The same digits in Persian (U+06F0–U+06F9), as typed on a Persian keyboard.</summary>
    public static string ToPersianDigits(string ascii) => string.Concat(ascii.Select(c => char.IsAsciiDigit(c) ? (char)('\u06F0' + (c - '0')) : c));
}
