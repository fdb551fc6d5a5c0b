using System.Globalization;

namespace CityEServices.OfficeManagement.Features.OpenData;

/// <summary>A Solar Hijri month, <c>yyyy/MM</c>, whose days are Tehran calendar days.</summary>
public readonly record struct SolarMonth(int Year, int Month) : IComparable<SolarMonth>
{
    private static readonly PersianCalendar Calendar = new();

    public static bool TryParse(string? text, out SolarMonth month)
    {
        month = default;
        var normalized = PersianText.NormalizeDigits(text)?.Trim();
        if (normalized is not { Length: 7 } || normalized[4] != '/'
            || normalized.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9') || normalized.AsSpan(5, 2).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var year = int.Parse(normalized.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var number = int.Parse(normalized.AsSpan(5, 2), CultureInfo.InvariantCulture);
        // PersianCalendar's range ends in 9378; months are 1 to 12.
        if (year is < 1 or > 9377 || number is < 1 or > 12)
        {
            return false;
        }

        month = new SolarMonth(year, number);
        return true;
    }

    /// <summary>The month after this one.</summary>
    public SolarMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary>How many months from this one to <paramref name="last"/>, both counted.</summary>
    public int MonthsThrough(SolarMonth last) => ((last.Year - Year) * 12) + (last.Month - Month) + 1;

    /// <summary>The instant the month starts: Tehran midnight of its first day.</summary>
    public DateTimeOffset Start
    {
        get
        {
            var local = Calendar.ToDateTime(Year, Month, 1, 0, 0, 0, 0);
            return new DateTimeOffset(local, SolarHijri.Tehran.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    public int CompareTo(SolarMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(SolarMonth left, SolarMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(SolarMonth left, SolarMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(SolarMonth left, SolarMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SolarMonth left, SolarMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}/{Month:00}");
}
