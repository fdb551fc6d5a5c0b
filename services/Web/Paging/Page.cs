using System.Text.Json.Serialization;

namespace CityEServices.Web.Paging;

/// <summary>
/// One page of a list, as every list of the gateway API answers: <c>{ items, page, pageSize, total }</c>.
/// (C# will not let a member share its type's name, hence <see cref="PageNumber"/> for <c>page</c>.)
/// </summary>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    [property: JsonPropertyName("page")] int PageNumber,
    int PageSize,
    int Total)
{
    public Page<TOther> Map<TOther>(Func<T, TOther> map) => new([.. Items.Select(map)], PageNumber, PageSize, Total);
}
