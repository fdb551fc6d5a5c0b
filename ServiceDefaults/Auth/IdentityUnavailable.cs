using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace CityEServices.ServiceDefaults.Auth;

/// <summary>
/// A token that cannot be checked because the identity service's keys cannot be fetched (it is down
/// and they are not cached yet) is not the caller's fault: it gets 503 with Retry-After, not 401.
/// </summary>
public static class IdentityUnavailable
{
    private static readonly object Marker = new();

    public static JwtBearerEvents Events() => new()
    {
        OnAuthenticationFailed = async context =>
        {
            // The token handler swallows a failed key download and reports the token as invalid;
            // whether that is the token's fault or the download's, the configuration manager says:
            // it answers at once from its cache, and throws when it has nothing to answer with.
            if (context.Options.ConfigurationManager is { } manager)
            {
                try
                {
                    await manager.GetConfigurationAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is InvalidOperationException || IsUnreachable(e))
                {
                    context.HttpContext.Items[Marker] = true;
                }
            }
        },
        OnChallenge = async context =>
        {
            if (!context.HttpContext.Items.ContainsKey(Marker))
            {
                return;
            }

            context.HandleResponse();
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            var problems = http.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
            if (problems is not null)
            {
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Title = "The identity service is unavailable, so the token cannot be checked; try again shortly.",
                    },
                });
            }
        },
    };

    private static bool IsUnreachable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or TaskCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
