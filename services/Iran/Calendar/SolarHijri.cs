using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CityEServices.Iran;

/// <summary>
/// Solar Hijri (Jalali) rendering and parsing in Tehran local time, for the text people read.
/// Instants stay UTC everywhere else.
/// </summary>
public static class SolarHijri
{
    private static readonly PersianCalendar Calendar = new();

    private static readonly Lazy<TimeZoneInfo> TehranZone = new(ResolveTehran);

    /// <summary>Asia/Tehran from the system's tz database (which knows that Iran dropped DST in 2022).</summary>
    public static TimeZoneInfo Tehran => TehranZone.Value;

    /// <summary>The instant as Tehran wall-clock time.</summary>
    public static DateTimeOffset ToTehranTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tehran);

    /// <summary>Renders an instant as <c>yyyy/MM/dd HH:mm</c> in the Solar Hijri calendar, Tehran time.</summary>
    public static string Format(DateTimeOffset utcInstant)
    {
        var local = ToTehranTime(utcInstant).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{FormatDate(local)} {local.Hour:00}:{local.Minute:00}");
    }

    /// <summary>Renders the Tehran calendar date of an instant as <c>yyyy/MM/dd</c>.</summary>
    public static string FormatDate(DateTimeOffset utcInstant) => FormatDate(ToTehranTime(utcInstant).DateTime);

    /// <summary>Renders a Gregorian calendar date (no time zone involved) as a Solar Hijri <c>yyyy/MM/dd</c>.</summary>
    public static string FormatDate(DateOnly date) => FormatDate(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// Parses a Solar Hijri date such as <c>1404/09/08</c> (also <c>1404-9-8</c>, Persian or Arabic digits)
    /// to the Gregorian date it names.
    /// </summary>
    public static bool TryParseDate([NotNullWhen(true)] string? input, out DateOnly date)
    {
        date = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        var span = text.AsSpan();
        var separator = span.Contains('/') ? '/' : '-';
        if (span.Split(parts, separator) != 3)
        {
            return false;
        }

        if (!TryReadNumber(span[parts[0]], 4, 4, out var year)
            || !TryReadNumber(span[parts[1]], 1, 2, out var month)
            || !TryReadNumber(span[parts[2]], 1, 2, out var day))
        {
            return false;
        }

        // PersianCalendar.MinSupportedDateTime is 0622-03-22, i.e. 1/1/1; its last year is 9378.
        if (year < 1 || year > 9377 || month is < 1 or > 12 || day < 1 || day > Calendar.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
        return true;
    }

    /// <summary>Like <see cref="TryParseDate"/>, but throws <see cref="FormatException"/> on bad input.</summary>
    public static DateOnly ParseDate(string input) =>
        TryParseDate(input, out var date)
            ? date
            : throw new FormatException($"'{input}' is not a Solar Hijri date in the form yyyy/MM/dd.");

    private static string FormatDate(DateTime local) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Calendar.GetYear(local):0000}/{Calendar.GetMonth(local):00}/{Calendar.GetDayOfMonth(local):00}");

    private static bool TryReadNumber(ReadOnlySpan<char> text, int minLength, int maxLength, out int number)
    {
        number = 0;
        return text.Length >= minLength && text.Length <= maxLength && Digits.AreAscii(text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static TimeZoneInfo ResolveTehran()
    {
        foreach (var id in (ReadOnlySpan<string>)["Asia/Tehran", "Iran Standard Time"])
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Try the next name; the last resort follows.
            }
        }

        // Without any tz data: Iran's offset since it abolished DST in 2022. Older summer instants
        // will be an hour off, which beats failing to render at all.
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Tehran", TimeSpan.FromMinutes(210), "Iran Standard Time", "Iran Standard Time");
    }
}
