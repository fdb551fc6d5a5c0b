namespace CityEServices.UrbanPlanning.Features.Audit;

/// <summary>The tamper-evident history: verification of the request transitions' hash chain.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/urban-planning/audit").WithTags("Audit");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAuditChain");
        return app;
    }

    public static async Task<Results<Ok<AuditChainResponse>, ProblemHttpResult>> VerifyAsync(
        Caller caller, VerifyAuditChain verify, CancellationToken cancellationToken) =>
        (await verify.HandleAsync(caller, cancellationToken)).ToOk();
}
