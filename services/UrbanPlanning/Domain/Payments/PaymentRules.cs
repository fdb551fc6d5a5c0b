using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CityEServices.UrbanPlanning.Domain.Payments;

/// <summary>A bank's confirmation that passed <see cref="PaymentRules.ValidateConfirmation"/>.</summary>
public sealed record ValidConfirmation(decimal AmountRial, string Reference, DateTimeOffset PaidAt);

/// <summary>Shape checks of payments, before any order is looked up. Error keys are the body's JSON names.</summary>
public static class PaymentRules
{
    public const int MaxReferenceLength = 64;

    /// <summary>How far ahead of this service's clock a bank's <c>paidAt</c> may be (clocks drift; the future does not pay).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public const string ReferenceError = "A reference is 1–64 letters, digits, '-', '_', '.' or '/'.";

    /// <summary>
    /// A bank's or terminal's reference as stored and compared: trimmed, Persian digits mapped, upper
    /// case, so that <c>ab-۱۲</c> and <c>AB-12</c> are the same reference and cannot pay twice.
    /// Null when it cannot be one.
    /// </summary>
    public static string? NormalizeReference(string? input)
    {
        var text = PersianText.NormalizeDigits(input)?.Trim().ToUpperInvariant();
        return !string.IsNullOrEmpty(text) && text.Length <= MaxReferenceLength
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? text
            : null;
    }

    public static Validated<ValidConfirmation> ValidateConfirmation(decimal? amountRial, string? bankReference, string? paidAt, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (amountRial is not { } amount || amount <= 0 || amount != decimal.Truncate(amount))
        {
            errors.Add("amountRial", "The amount is a positive whole number of rials.");
        }

        var reference = NormalizeReference(bankReference);
        errors.AddIf("bankReference", reference is null ? ReferenceError : null);

        var when = ReadInstant(paidAt, out var instantError);
        if (!errors.AddIf("paidAt", instantError) && when > now + ClockSkew)
        {
            errors.Add("paidAt", $"paidAt {when:O} is in the future.");
        }

        return errors.Result(() => new ValidConfirmation(amountRial!.Value, reference!, when.ToUniversalTime()));
    }

    /// <summary>
    /// The calendar day a settlement list is asked for: Solar Hijri (<c>1405/09/13</c>, Persian digits
    /// welcome) or ISO (<c>2026-12-04</c>), told apart by the year (a Solar Hijri year is below 1700).
    /// Returned as the Gregorian date.
    /// </summary>
    public static bool TryReadDay(string? input, out DateOnly day, [NotNullWhen(false)] out string? error)
    {
        day = default;
        error = null;
        var text = PersianText.NormalizeDigits(input)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "date is required: a Solar Hijri (1405/09/13) or ISO (2026-12-04) date.";
            return false;
        }

        var solar = text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year < 1700;
        if (solar ? SolarHijri.TryParseDate(text, out day) : DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        error = $"'{input}' is not a date: use Solar Hijri (1405/09/13) or ISO (2026-12-04).";
        return false;
    }

    /// <summary>The Tehran calendar day <paramref name="day"/> as UTC instants: from its midnight (inclusive) to the next (exclusive).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) TehranDay(DateOnly day) => (Midnight(day), Midnight(day.AddDays(1)));

    private static DateTimeOffset Midnight(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), SolarHijri.Tehran), TimeSpan.Zero);

    /// <summary>An ISO 8601 instant that names its offset (<c>Z</c> or <c>+03:30</c>): a bank's local time without one is ambiguous.</summary>
    private static DateTimeOffset ReadInstant(string? text, out string? error)
    {
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = "paidAt is required: when the bank moved the money (ISO 8601 with offset, e.g. 2026-12-04T10:15:00+03:30).";
            return default;
        }

        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            error = $"'{text}' is not an ISO 8601 instant with its offset (e.g. 2026-12-04T10:15:00+03:30).";
            return default;
        }

        return instant;
    }
}
