using CityEServices.Web.Callers;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Audit;

/// <summary>
/// The tamper-evident history's one endpoint, the same in every service that chains a table (AddAuditChain):
/// <c>GET {prefix}/audit/verify[?trail=table]</c> recomputes the chain of one table in the service's own
/// database, the default table unless the caller names another of the service's chained tables, and compares
/// its entries with the newest head of it the archive keeps.
/// </summary>
public static class AuditChainApi
{
    public static IEndpointRouteBuilder MapAuditChainApi<TDbContext>(this IEndpointRouteBuilder app, string prefix)
        where TDbContext : DbContext
    {
        var group = app.MapGroup($"{prefix}/audit").WithTags("Audit");
        // A Delegate, not a lambda in the call: ASP.NET Core's route-handler analyzer throws on a lambda over a type parameter.
        Delegate verify = (Caller caller, TDbContext db, AuditTrails trails, IArchivedHeads archived, string? trail, CancellationToken cancellationToken) =>
            VerifyAsync(caller, db, trails, archived, trail, cancellationToken);
        group.MapGet("/verify", verify).WithName("VerifyAuditChain");
        return app;
    }

    private static async Task<Results<Ok<AuditChainResponse>, ProblemHttpResult>> VerifyAsync(
        Caller caller, DbContext db, AuditTrails trails, IArchivedHeads archived, string? trail, CancellationToken cancellationToken) =>
        (await VerifyAuditChain.HandleAsync(caller, db, trails, archived, trail, cancellationToken)).ToOk();
}
