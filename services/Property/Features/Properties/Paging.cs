using System.Globalization;
using CityEServices.Iran;
using CityEServices.Web.Problems;

namespace CityEServices.Property.Api;

/// <summary>A page of a list, as every list in the city API answers: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary><c>page</c> (from 1) and <c>pageSize</c> (1–100, default 20), read from text so that a bad value is a field error.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    public static Paging Read(string? page, string? pageSize, ValidationErrors errors)
    {
        var p = ReadNumber(page, "page", 1, 1, int.MaxValue / MaxPageSize, errors);
        var size = ReadNumber(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        return new Paging(p, size);
    }

    private static int ReadNumber(string? text, string field, int fallback, int min, int max, ValidationErrors errors)
    {
        var normalized = PersianText.NormalizeDigits(text);
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
