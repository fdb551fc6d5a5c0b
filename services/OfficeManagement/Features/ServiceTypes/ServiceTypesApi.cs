namespace CityEServices.OfficeManagement.Features.ServiceTypes;

public static class ServiceTypesApi
{
    public static IEndpointRouteBuilder MapServiceTypesApi(this IEndpointRouteBuilder app)
    {
        // Any authenticated caller, every integrator included whatever its scopes: the codes are part of the public API.
        app.MapGet("/api/service-types", GetCatalog)
            .WithTags("Service types")
            .WithName("GetServiceTypes")
            .WithSummary("The service-type catalog: codes, Persian and English titles, what staff need, and whether each is offered.")
            .RequireAuthorization()
            .AllowAnyClient();
        return app;
    }

    public static Ok<IReadOnlyList<ServiceTypeEntry>> GetCatalog(Caller caller, GetServiceTypes getServiceTypes) =>
        TypedResults.Ok(getServiceTypes.Handle(caller));
}
