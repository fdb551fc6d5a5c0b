using CityEServices.UrbanPlanning.Tracking;

namespace CityEServices.UrbanPlanning.Api;

public static class UrbanPlanningApi
{
    /// <summary>Everything this service serves: /api/urban-planning/** and the citizen's /api/track.</summary>
    public static IEndpointRouteBuilder MapUrbanPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapFilesApi();
        app.MapRequestsApi();
        app.MapSupervisionApi();
        app.MapTrackingApi();
        return app;
    }
}
