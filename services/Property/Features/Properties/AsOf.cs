using System.Globalization;
using System.Text.RegularExpressions;
using CityEServices.Iran;

namespace CityEServices.Property.Features.Properties;

/// <summary>Reads the <c>asOf</c> query parameter: an ISO 8601 instant, taken as UTC when it has no offset, not in the future.</summary>
public static partial class AsOf
{
    public static DateTimeOffset? Read(string? text, DateTimeOffset now, ValidationErrors errors)
    {
        var normalized = PersianText.NormalizeDigits(text);
        if (string.IsNullOrEmpty(normalized))
        {
            return null;
        }

        // An unencoded '+' in a query string arrives as a space: "…T08:30:00 03:30" meant "+03:30".
        normalized = PlusAsSpace().Replace(normalized, "$1+$2");
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            errors.Add("asOf", $"'{text}' is not an instant: use ISO 8601, e.g. 2025-11-29T08:30:00Z.");
            return null;
        }

        if (instant > now)
        {
            errors.Add("asOf", $"{instant:O} is in the future; leave asOf out to read the current state.");
            return null;
        }

        return instant;
    }

    [GeneratedRegex(@"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")]
    private static partial Regex PlusAsSpace();
}
