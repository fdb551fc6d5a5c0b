using CityEServices.Web.Callers;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Authorization;

namespace CityEServices.Web.Access;

public static class ScopeExtensions
{
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>Opens the endpoint to integrator clients holding one of <paramref name="scopes"/>; staff are authorised by their roles as before.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopeMetadata(scopes));

    /// <summary>Opens the endpoint to every integrator client, granted scopes or not: for what is public to any caller, such as catalogues.</summary>
    public static TBuilder AllowAnyClient<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopeMetadata([], AnyClient: true));

    /// <summary>
    /// Least privilege for integrators, by default: a client token reaches an <c>/api/</c> endpoint only
    /// when the endpoint names a scope the client was granted, else 403 <c>insufficient_scope</c> (RFC 6750).
    /// An endpoint that names no scope is not for clients at all. Anonymous endpoints and gRPC (which
    /// other services call with the caller's own token) are left alone. Runs after authentication.
    /// </summary>
    public static IApplicationBuilder UseScopeChecks(this IApplicationBuilder app) =>
        app.Use(static async (HttpContext context, RequestDelegate next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null
                || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                await next(context);
                return;
            }

            var caller = Caller.From(context.User);
            if (!caller.IsClient)
            {
                await next(context);
                return;
            }

            var metadata = endpoint.Metadata.GetMetadata<ScopeMetadata>();
            var needed = metadata?.Scopes ?? [];
            if (metadata?.AnyClient == true || needed.Any(caller.HasScope))
            {
                await next(context);
                return;
            }

            var detail = needed.Count == 0
                ? "This operation is not open to integrator clients."
                : $"This operation needs the scope {string.Join(" or ", needed)}, which the client was not granted.";
            context.Response.Headers.WWWAuthenticate = needed.Count == 0
                ? $"Bearer error=\"{InsufficientScope}\""
                : $"Bearer error=\"{InsufficientScope}\", scope=\"{string.Join(' ', needed)}\"";
            await Problem.Forbidden(InsufficientScope, detail).With("requiredScopes", needed).ToResult().ExecuteAsync(context);
        });
}
