using CityEServices.Web.Problems;

namespace CityEServices.OfficeManagement.Api;

/// <summary>A page of a list, as every list of the gateway API answers.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Checks <c>page</c> (from 1) and <c>pageSize</c> (1–100), adding field errors.</summary>
    public static (int Page, int PageSize) Check(int? page, int? pageSize, ValidationErrors errors)
    {
        if (page is < 1)
        {
            errors.Add("page", $"Page counts from 1; got {page}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Page size must be 1 to {MaxPageSize}; got {pageSize}.");
        }

        return (page ?? 1, pageSize ?? DefaultPageSize);
    }
}
