namespace CityEServices.Archive.Api;

public static class ArchiveApi
{
    /// <summary>Everything this service serves under /api/archive.</summary>
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        app.MapCategoriesApi();
        app.MapDossiersApi();
        app.MapDocumentsApi();
        app.MapHoldsApi();
        app.MapDisposalsApi();
        app.MapFixityApi();
        return app;
    }
}
