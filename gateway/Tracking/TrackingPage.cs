namespace CityEServices.Gateway.Tracking;

/// <summary>The citizen's tracking page: static HTML that calls the anonymous <c>/api/track</c> route.</summary>
public static class TrackingPage
{
    public const string Path = "/track";

    public static IEndpointConventionBuilder MapTrackingPage(this WebApplication app)
    {
        var file = app.Environment.WebRootFileProvider.GetFileInfo("track.html");
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/track.html is missing from {app.Environment.WebRootPath}.");
        }

        return app.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            return Results.File(file.PhysicalPath!, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
