namespace CityEServices.Identity.Features.Audit;

/// <summary>The tamper-evident history: verification of the hash chain of the account changes.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/audit").WithTags("Audit");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAuditChain");
        return app;
    }

    public static async Task<Results<Ok<AuditChainResponse>, ProblemHttpResult>> VerifyAsync(
        Caller caller, VerifyAuditChain verify, CancellationToken cancellationToken) =>
        (await verify.HandleAsync(caller, cancellationToken)).ToOk();
}
