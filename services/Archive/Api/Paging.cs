using CityEServices.ServiceDefaults.Problems;

namespace CityEServices.Archive.Api;

/// <summary>page (from 1) and pageSize (1–100, default 20), as every list of the gateway API takes them.</summary>
internal static class Paging
{
    public const int MaxPageSize = 100;

    public static (int Page, int PageSize) Check(int? page, int? pageSize, ValidationErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? 20;
        errors.AddIf("page", p < 1 ? "Page starts at 1." : null);
        errors.AddIf("pageSize", size is < 1 or > MaxPageSize ? $"Page size must be between 1 and {MaxPageSize}." : null);
        return (p, size);
    }
}
