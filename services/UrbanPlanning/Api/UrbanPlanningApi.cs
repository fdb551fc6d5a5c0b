namespace CityEServices.UrbanPlanning.Api;

public static class UrbanPlanningApi
{
    /// <summary>Everything this service serves under /api/urban-planning (service requests and tracking join later).</summary>
    public static IEndpointRouteBuilder MapUrbanPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapFilesApi();
        return app;
    }
}
