namespace CityEServices.Archive.Features.Categories;

public static class CategoriesApi
{
    public static RouteHandlerBuilder MapCategoriesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/archive/categories", GetCategories).WithTags("Categories").WithName("GetCategories")
            .WithSummary("The classification scheme: codes, Persian and English titles, and how long each category is kept")
            .RequireScope(Scopes.ArchiveRead);

    public static Ok<IReadOnlyList<CategoryResponse>> GetCategories(Caller caller, GetCategories getCategories) =>
        TypedResults.Ok(getCategories.Handle(caller));
}
