using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace CityEServices.ServiceDefaults.Auth;

/// <summary>
/// A 403 from a role policy says why: which roles the operation needs, with a machine-readable
/// reason, as every other 403 in the city does. gRPC calls keep the default (their status travels
/// in trailers, not in a JSON body).
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    public const string RoleNotAllowed = "RoleNotAllowed";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (!authorizeResult.Forbidden || isGrpc)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = roles.Count > 0
                    ? $"This operation needs one of the roles: {string.Join(", ", roles)}."
                    : "The caller is not allowed to perform this operation.",
                Extensions = { ["reason"] = RoleNotAllowed },
            },
        });
    }
}
