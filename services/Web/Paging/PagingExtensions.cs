using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Paging;

public static class PagingExtensions
{
    /// <summary>Counts <paramref name="ordered"/> and reads the requested page of it (order it first: a page of an unordered query is arbitrary).</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = total <= page.Skip ? [] : await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, page.Page, page.PageSize, total);
    }

    public static async Task<Page<TOut>> ToPageAsync<TIn, TOut>(this IQueryable<TIn> ordered, PageRequest page, Func<TIn, TOut> map, CancellationToken cancellationToken) =>
        (await ordered.ToPageAsync(page, cancellationToken)).Map(map);
}
