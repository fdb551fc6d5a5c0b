using CityEServices.Archive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Archive.Api;

public static class CategoriesApi
{
    private static readonly IReadOnlyList<CategoryResponse> Scheme = [.. ClassificationScheme.Categories.Select(CategoryResponse.From)];

    public static RouteHandlerBuilder MapCategoriesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/archive/categories", GetCategories).WithTags("Categories").WithName("GetCategories");

    /// <summary>The classification scheme; the codes are part of the API. Any signed-in caller may read it.</summary>
    public static Ok<IReadOnlyList<CategoryResponse>> GetCategories() => TypedResults.Ok(Scheme);
}
