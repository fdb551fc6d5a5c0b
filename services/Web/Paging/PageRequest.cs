using System.Globalization;
using CityEServices.Iran;
using CityEServices.Web.Problems;

namespace CityEServices.Web.Paging;

/// <summary>
/// <c>page</c> (from 1) and <c>pageSize</c> (1–100, default 20), as every list of the gateway API takes
/// them. Read from text, so that <c>pageSize=abc</c> is a field error like any other, not a binding failure.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static readonly PageRequest First = new(1, DefaultPageSize);

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest Read(string? page, string? pageSize, ValidationErrors errors) => new(
        ReadNumber(page, "page", 1, 1, int.MaxValue / MaxPageSize, errors),
        ReadNumber(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, errors));

    private static int ReadNumber(string? text, string field, int fallback, int min, int max, ValidationErrors errors)
    {
        var normalized = PersianText.NormalizeDigits(text)?.Trim();
        if (string.IsNullOrEmpty(normalized))
        {
            return fallback;
        }

        if (!int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(field, $"{field} must be a whole number from {min} to {max}; got '{text}'.");
            return fallback;
        }

        return value;
    }
}
