using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Identity.Features.Revocations;

public static class RevocationsApi
{
    public const string Path = "/internal/revocations";

    /// <summary>
    /// Anonymous, and not in the API reference: every service and the gateway fetch it every few seconds
    /// (ServiceDefaults), it holds only opaque subject ids and instants, and the gateway never routes
    /// <c>/internal/</c>, so it is reachable on the services' own network only.
    /// </summary>
    public static IEndpointRouteBuilder MapRevocationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ListAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Ok<RevocationListResponse>> ListAsync(HttpContext context, ListRevocations listRevocations, CancellationToken cancellationToken)
    {
        // Fetched to decide who is refused: a cache on the way must never answer with an older list.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await listRevocations.HandleAsync(cancellationToken));
    }
}
