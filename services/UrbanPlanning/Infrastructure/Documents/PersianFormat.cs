using System.Globalization;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>Numbers and dates as a Persian reader expects them on paper: Persian digits, Persian separators.</summary>
internal static class PersianFormat
{
    public static string Digits(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= '0' and <= '9' ? (char)('۰' + (source[i] - '0')) : source[i];
        }
    });

    public static string Number(int value) => Digits(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Up to two decimals with the Persian decimal separator (٫).</summary>
    public static string Number(decimal value) => Digits(value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', '٫'));

    /// <summary>Whole rials with the Persian thousands separator (٬).</summary>
    public static string Rials(decimal value) => Digits(decimal.Round(value).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '٬'));

    /// <summary>The Solar Hijri date in Tehran, e.g. ۱۴۰۴/۰۹/۰۸.</summary>
    public static string Date(DateTimeOffset instant) => Digits(SolarHijri.FormatDate(instant));
}
