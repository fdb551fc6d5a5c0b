using System.Text.RegularExpressions;
using CityEServices.Gateway.Proxy;

namespace CityEServices.Gateway.Versioning;

/// <summary>
/// The public API is version 1. An integrator may pin it in the path (<c>/api/v1/…</c>) or the
/// <c>api-version</c> header, or name none (<c>/api/…</c> is version 1); a version this gateway does not
/// serve is a 400 <c>UnsupportedApiVersion</c>, never a silent fallback. Every /api answer lists the
/// versions served in <c>api-supported-versions</c>. The path is rewritten before routing, so rate
/// limits, idempotency keys and the services see one API whatever spelling the caller chose.
/// </summary>
public sealed partial class ApiVersionMiddleware(RequestDelegate next)
{
    public const string HeaderName = "api-version";
    public const string SupportedHeaderName = "api-supported-versions";
    public const string Current = "1";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", out var rest))
        {
            return next(context);
        }

        context.Response.OnStarting(static state =>
        {
            ((HttpContext)state).Response.Headers[SupportedHeaderName] = Current;
            return Task.CompletedTask;
        }, context);

        string? inPath = null;
        if (VersionSegment().Match(rest.Value ?? "") is { Success: true } segment)
        {
            inPath = segment.Groups["version"].Value;
            request.Path = "/api" + rest.Value![segment.Length..];
        }

        var inHeader = request.Headers[HeaderName];
        var asked = new List<string>();
        if (inPath is not null)
        {
            asked.Add(inPath);
        }

        asked.AddRange(inHeader.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        var unsupported = asked.FirstOrDefault(v => !IsCurrent(v));
        if (unsupported is null)
        {
            return next(context);
        }

        return GatewayProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "UnsupportedApiVersion", "Unsupported API version.",
            $"This gateway serves API version {Current} (/api/v{Current}/… or /api/…, or the api-version header); '{unsupported}' is not served.");
    }

    private static bool IsCurrent(string version) => version is Current or Current + ".0";

    // "/v1", "/v1.0", "/v2/…": a version segment right after /api ("/verify" is not one).
    [GeneratedRegex(@"^/v(?<version>\d+(\.\d+)?)(?=/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionSegment();
}
