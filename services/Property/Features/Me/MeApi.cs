namespace CityEServices.Property.Features.Me;

/// <summary>The signed-in citizen's own properties (citizen-otp tokens only; role citizen).</summary>
public static class MeApi
{
    public const string Path = "/api/me/properties";

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ListAsync).WithTags("Citizen").RequireAuthorization(p => p.RequireRole(Roles.Citizen))
            .WithName("ListMyProperties")
            .WithSummary("The properties the signed-in citizen owns a share of now, with their own share only; paged.");
        return app;
    }

    public static async Task<Results<Ok<Page<MyPropertyResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, Caller caller, ListMyProperties listMyProperties, CancellationToken cancellationToken) =>
        (await listMyProperties.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();
}
