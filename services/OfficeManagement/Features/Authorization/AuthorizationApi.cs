namespace CityEServices.OfficeManagement.Features.Authorization;

public static class AuthorizationApi
{
    public static IEndpointRouteBuilder MapAuthorizationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/offices/{code}/authorization", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithTags("Authorization")
            .WithName("GetAuthorizationDecision")
            .WithSummary("The answer AuthorizeService gives now (same cache), for admins checking why an operator is refused.");
        return app;
    }

    public static async Task<Results<Ok<AuthorizationDecisionResponse>, ProblemHttpResult>> GetAsync(
        string code, string? operatorNationalId, string? serviceType, Caller caller, GetAuthorizationDecision decision, CancellationToken cancellationToken) =>
        (await decision.HandleAsync(code, operatorNationalId, serviceType, caller, cancellationToken)).ToOk();
}
