using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CityEServices.OfficeManagement.Features.OpenData;

public static class OpenDataApi
{
    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: the public sees how the city performs. No token is needed, and the scope
        // checks leave anonymous endpoints alone; the gateway routes it anonymously and rate limits it per IP.
        app.MapGet("/api/open-data/performance", GetPerformanceAsync)
            .WithTags("Open data")
            .WithName("GetOpenPerformance")
            .WithSummary("Requests, issued, median and p90 turnaround in working days, SLA compliance and first-time-right rate per office, district or service type; JSON, or CSV with Accept: text/csv. Groups of fewer than 5 requests are suppressed.")
            // Both media types on the one 200 (a second Produces for 200 would replace the JSON one); the CSV is
            // the same rows, flattened, as the summary says.
            .Produces<PerformanceReport>(StatusCodes.Status200OK, "application/json", PerformanceCsv.ContentType)
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<PerformanceReport>, ContentHttpResult, ProblemHttpResult>> GetPerformanceAsync(
        string? from, string? to, string? groupBy, HttpContext context, GetPerformance getPerformance, IOptions<OpenDataOptions> options,
        CancellationToken cancellationToken)
    {
        var outcome = await getPerformance.HandleAsync(from, to, groupBy, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!.ToResult();
        }

        // Shared caches may keep the answer as long as this process does; it differs by Accept.
        var maxAge = (int)options.Value.CacheDuration.TotalSeconds;
        context.Response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={maxAge}");
        context.Response.Headers.Vary = HeaderNames.Accept;
        return WantsCsv(context.Request)
            ? TypedResults.Text(PerformanceCsv.Write(outcome.Value), PerformanceCsv.ContentType, System.Text.Encoding.UTF8)
            : TypedResults.Ok(outcome.Value);
    }

    /// <summary>CSV when the caller accepts text/csv at least as much as JSON; JSON otherwise (and by default).</summary>
    private static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1d)
            .DefaultIfEmpty(-1d)
            .Max();

        var csv = Quality(PerformanceCsv.ContentType);
        return csv > 0 && csv >= Quality("application/json");
    }
}
