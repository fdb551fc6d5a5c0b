namespace CityEServices.Gateway.Pages;

/// <summary>
/// The citizens' pages (Persian, right to left): static HTML that calls the gateway's anonymous routes,
/// with the look and the helpers they share in <c>city.css</c> and <c>city.js</c>.
/// </summary>
public static class CitizenPages
{
    // Scripts only as files from here, never inline: text injected into a page cannot run. Each page keeps
    // its own inline style block, which cannot call anything.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    /// <summary>
    /// Tracking a file's requests by its tracking code (/api/track), verifying an issued document
    /// (/api/verify), and the city's performance from the open data (/api/open-data/performance).
    /// </summary>
    private static readonly string[] Pages = ["track", "verify", "transparency"];

    public static WebApplication MapCitizenPages(this WebApplication app)
    {
        foreach (var page in Pages)
        {
            app.MapPage($"/{page}", $"{page}.html", "text/html; charset=utf-8");
            app.MapPage($"/{page}.js", $"{page}.js", "text/javascript; charset=utf-8");
        }

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
