using System.Globalization;
using System.Text;

namespace CityEServices.VerifyDocument;

/// <summary>What the command prints and the exit code it ends with.</summary>
public static class Report
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Expired = 2;

    public static (string Text, int ExitCode) Describe(OfflineResult result, DateTimeOffset now)
    {
        if (result.Fields is not { } fields)
        {
            return ($"invalid: {result.Problem}{Environment.NewLine}", Invalid);
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"number:          {Group(fields.Number)}")
            .AppendLine(CultureInfo.InvariantCulture, $"type:            {fields.Type}")
            .AppendLine(CultureInfo.InvariantCulture, $"renovation code: {fields.RenovationCode}")
            .AppendLine(CultureInfo.InvariantCulture, $"district:        {fields.District}")
            .AppendLine(CultureInfo.InvariantCulture, $"issued:          {Instant(fields.IssuedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"expires:         {(fields.ExpiresAt is { } e ? Instant(e) : "never")}")
            .AppendLine(CultureInfo.InvariantCulture, $"key id:          {fields.KeyId}");
        if (fields.ExpiresAt is { } expires && now >= expires)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"expired: genuine, but no longer valid since {Instant(expires)}");
            return (text.ToString(), Expired);
        }

        text.AppendLine("valid");
        return (text.ToString(), Valid);
    }

    private static string Group(string number) =>
        number.Length == 13 ? $"{number[..4]}-{number[4..8]}-{number[8..12]}-{number[12]}" : number;

    /// <summary>UTC, and the Solar Hijri date in Tehran, which is what the paper shows.</summary>
    private static string Instant(DateTimeOffset instant)
    {
        var tehran = TimeZoneInfo.ConvertTime(instant, Tehran()).DateTime;
        var calendar = new PersianCalendar();
        return string.Create(CultureInfo.InvariantCulture,
            $"{instant.UtcDateTime:yyyy-MM-dd HH:mm}Z ({calendar.GetYear(tehran):0000}/{calendar.GetMonth(tehran):00}/{calendar.GetDayOfMonth(tehran):00})");
    }

    private static TimeZoneInfo Tehran()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tehran", TimeSpan.FromMinutes(210), "Iran", "Iran");
        }
    }
}
