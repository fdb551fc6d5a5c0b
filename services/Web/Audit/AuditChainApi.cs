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
/// <c>GET {prefix}/audit/verify</c> recomputes the chain of <c>table</c> in the service's own database.
/// </summary>
public static class AuditChainApi
{
    public static IEndpointRouteBuilder MapAuditChainApi<TDbContext>(this IEndpointRouteBuilder app, string prefix, string table)
        where TDbContext : DbContext
    {
        var group = app.MapGroup($"{prefix}/audit").WithTags("Audit");
        // A Delegate, not a lambda in the call: ASP.NET Core's route-handler analyzer throws on a lambda over a type parameter.
        Delegate verify = (Caller caller, TDbContext db, CancellationToken cancellationToken) => VerifyAsync(caller, db, table, cancellationToken);
        group.MapGet("/verify", verify).WithName("VerifyAuditChain");
        return app;
    }

    private static async Task<Results<Ok<AuditChainResponse>, ProblemHttpResult>> VerifyAsync(
        Caller caller, DbContext db, string table, CancellationToken cancellationToken) =>
        (await VerifyAuditChain.HandleAsync(caller, db, table, cancellationToken)).ToOk();
}
