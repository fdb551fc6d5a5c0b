using OpenIddict.Abstractions;

namespace CityEServices.Identity.Jobs;

/// <summary>
/// Once per <c>Identity:Pruning:Interval</c> across every replica (a lease in <c>job_leases</c>), deletes
/// the token and authorization rows OpenIddict considers prunable (expired, redeemed, revoked or otherwise
/// no longer valid tokens; invalid authorizations and ad-hoc ones left without tokens) once they are older
/// than <c>Identity:Pruning:MinimumAge</c>, and revocations older than that too (they only matter while a
/// token issued before them could still be presented, and no token lives for days), and citizens' sign-in codes
/// that expired before that (the per-ID sending limit looks back only minutes; older codes are dead hashes).
/// A replica that cannot reach the database cannot take the lease,
/// so no round starts then; a round that fails is recorded in the lease row and retried shortly
/// (<see cref="PeriodicJob{TDbContext}"/>), and never stops the host. Pruning is idempotent, so the rare
/// overlap of a lease that ran out mid-round only repeats a scan.
/// </summary>
public sealed partial class TokenPruner(
    JobLeases<IdentityDbContext> leases,
    IServiceScopeFactory scopes,
    IOptions<IdentitySettings> options,
    TimeProvider time,
    ILogger<TokenPruner> logger) : PeriodicJob<IdentityDbContext>(leases, time, logger)
{
    public const string JobName = "token-pruner";

    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    public override string Name => JobName;

    protected override TimeSpan Interval => options.Value.Pruning.Interval;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var threshold = _time.GetUtcNow() - options.Value.Pruning.MinimumAge;
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            // Tokens first: an authorization is prunable only once no token refers to it.
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
            var data = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var revocations = await data.Revocations.Where(r => r.RevokedAt < threshold).ExecuteDeleteAsync(cancellationToken);
            var codes = await data.SignInCodes.Where(c => c.ExpiresAt < threshold).ExecuteDeleteAsync(cancellationToken);
            LogPruned(_logger, tokens, authorizations, revocations, codes, threshold);
        }
        catch (AggregateException all) when (all.InnerExceptions.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            // OpenIddict gathers every failed batch into one AggregateException, whose message only says
            // "one or more errors"; the first batch's says why, and that is what the lease row records.
            var cause = all.InnerExceptions[0];
            throw new InvalidOperationException($"Token pruning failed: {cause.GetBaseException().Message}", cause);
        }
    }

    [LoggerMessage(LogLevel.Information, "Pruned {Tokens} token rows and {Authorizations} authorization rows created before {Threshold:O}, {Revocations} revocations and {Codes} sign-in codes")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations, int revocations, int codes, DateTimeOffset threshold);
}
