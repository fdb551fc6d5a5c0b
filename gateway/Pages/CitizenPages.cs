namespace CityEServices.Gateway.Pages;

/// <summary>
/// The citizens' pages (Persian, right to left): static HTML that calls the gateway's anonymous routes,
/// with the look and the helpers they share in <c>city.css</c> and <c>city.js</c>.
/// </summary>
public static class CitizenPages
{
    // Inline script and style stay allowed for each page's own part; everything else only from here.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    public static WebApplication MapCitizenPages(this WebApplication app)
    {
        // Tracking a file's requests by its tracking code (/api/track), verifying an issued document (/api/verify),
        app.MapPage("/track", "track.html", "text/html; charset=utf-8");
        app.MapPage("/verify", "verify.html", "text/html; charset=utf-8");
        // The city's performance from the open data (/api/open-data/performance), a chart per measure.
        app.MapPage("/transparency", "transparency.html", "text/html; charset=utf-8");
        app.MapPage("/city.css", "city.css", "text/css; charset=utf-8");
        app.MapPage("/city.js", "city.js", "text/javascript; charset=utf-8");
        return app;
    }

    private static void MapPage(this WebApplication app, string path, string fileName, string contentType)
    {
        var file = app.Environment.WebRootFileProvider.GetFileInfo(fileName);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"wwwroot/{fileName} is missing from {app.Environment.WebRootPath}.");
        }

        app.MapGet(path, (HttpContext context) =>
        {
            // Revalidated on every visit: a deployment's new page is seen at once.
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.File(file.PhysicalPath!, contentType);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
