namespace CityEServices.Archive.Api;

public static class ArchiveApi
{
    /// <summary>Everything this service serves under /api/archive (documents, content and fixity join later).</summary>
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        app.MapCategoriesApi();
        app.MapDossiersApi();
        return app;
    }
}
