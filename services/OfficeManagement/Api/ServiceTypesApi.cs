using CityEServices.OfficeManagement.Domain;

namespace CityEServices.OfficeManagement.Api;

public static class ServiceTypesApi
{
    public static IEndpointRouteBuilder MapServiceTypesApi(this IEndpointRouteBuilder app)
    {
        // Any authenticated caller, integrators included: the codes are part of the public API.
        app.MapGet("/api/service-types", () => TypedResults.Ok(ServiceTypeCatalog.All))
            .WithTags("Service types")
            .RequireAuthorization();
        return app;
    }
}
