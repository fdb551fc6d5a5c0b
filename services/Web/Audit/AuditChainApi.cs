using CityEServices.Web.Callers;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Audit;

/// <summary>
/// The tamper-evident history's one endpoint, the same in every service that chains a table:
/// <c>GET {prefix}/audit/verify[?trail=table]</c> recomputes the chain of one table in the service's own
/// database, <paramref name="table"/> unless the caller names another of the service's chained tables.
/// </summary>
public static class AuditChainApi
{
    public static IEndpointRouteBuilder MapAuditChainApi<TDbContext>(this IEndpointRouteBuilder app, string prefix, string table, params string[] moreTables)
        where TDbContext : DbContext
    {
        string[] trails = [table, .. moreTables];
        var group = app.MapGroup($"{prefix}/audit").WithTags("Audit");
        // A Delegate, not a lambda in the call: ASP.NET Core's route-handler analyzer throws on a lambda over a type parameter.
        Delegate verify = (Caller caller, TDbContext db, string? trail, CancellationToken cancellationToken) => VerifyAsync(caller, db, trails, trail, cancellationToken);
        group.MapGet("/verify", verify).WithName("VerifyAuditChain");
        return app;
    }

    private static async Task<Results<Ok<AuditChainResponse>, ProblemHttpResult>> VerifyAsync(
        Caller caller, DbContext db, IReadOnlyList<string> trails, string? trail, CancellationToken cancellationToken) =>
        (await VerifyAuditChain.HandleAsync(caller, db, trails, trail, cancellationToken)).ToOk();
}
