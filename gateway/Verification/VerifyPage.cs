namespace CityEServices.Gateway.Verification;

/// <summary>The public verification page (Persian, RTL): static HTML that calls the anonymous <c>/api/verify</c> routes.</summary>
public static class VerifyPage
{
    public const string Path = "/verify";

    public static IEndpointConventionBuilder MapVerifyPage(this WebApplication app)
    {
        var file = app.Environment.WebRootFileProvider.GetFileInfo("verify.html");
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/verify.html is missing from {app.Environment.WebRootPath}.");
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
