using System.Security.Claims;
using CityEServices.Archive.Domain;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>One page of a list only archivists and admins read (holds, disposals, fixity checks), newest first as <paramref name="order"/> says.</summary>
    public static async Task<Results<Ok<PageOf<TOut>>, ValidationProblem, ProblemHttpResult>> ManagersPageAsync<TIn, TOut>(
        ClaimsPrincipal user,
        int? page,
        int? pageSize,
        IQueryable<TIn> query,
        Func<IQueryable<TIn>, IOrderedQueryable<TIn>> order,
        Func<TIn, TOut> map,
        CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        var errors = new ValidationErrors();
        var (p, size) = Check(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await order(query).Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<TOut>([.. items.Select(map)], p, size, total));
    }
}
