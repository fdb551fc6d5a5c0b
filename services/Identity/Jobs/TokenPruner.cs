using CityEServices.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CityEServices.Identity.Jobs;

/// <summary>
/// Every <c>Identity:Pruning:Interval</c>, deletes the token and authorization rows OpenIddict considers
/// prunable (expired, redeemed, revoked or otherwise no longer valid tokens; invalid authorizations and
/// ad-hoc ones left without tokens) once they are older than <c>Identity:Pruning:MinimumAge</c>.
/// Every replica runs it, without coordination: pruning is idempotent (a row another replica deleted
/// first is simply not deleted again), so the worst two replicas can do is repeat a scan, or one of
/// them fails a round on a row the other removed, and it tries again next interval. A failed round never
/// stops the host.
/// </summary>
public sealed partial class TokenPruner(
    IServiceScopeFactory scopes,
    IOptions<IdentitySettings> options,
    TimeProvider time,
    ILogger<TokenPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Pruning;
        try
        {
            // A random first delay spreads replicas started together (a rollout) over the interval.
            await Task.Delay(settings.Interval * Random.Shared.NextDouble(), time, stoppingToken);
            using var timer = new PeriodicTimer(settings.Interval, time);
            do
            {
                await PruneOnceAsync(settings.MinimumAge, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One round; a failure is logged and left to the next round.</summary>
    public async Task PruneOnceAsync(TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow() - minimumAge;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // OpenIddict retries each failed batch of a round up to a thousand times: with the database
            // down that is a thousand connection attempts (each retried again by EF's execution strategy),
            // so a round starts only when the database answers.
            if (!await scope.ServiceProvider.GetRequiredService<IdentityDataContext>().Database.CanConnectAsync(cancellationToken))
            {
                LogUnreachable(logger, options.Value.Pruning.Interval);
                return;
            }

            // Tokens first: an authorization is prunable only once no token refers to it.
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
            LogPruned(logger, tokens, authorizations, threshold);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // OpenIddict gathers every failed batch into one AggregateException; the first says why.
            var cause = e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : e;
            LogFailed(logger, options.Value.Pruning.Interval, cause.GetBaseException().Message, cause);
        }
    }

    [LoggerMessage(LogLevel.Information, "Pruned {Tokens} token rows and {Authorizations} authorization rows created before {Threshold:O}")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations, DateTimeOffset threshold);

    [LoggerMessage(LogLevel.Warning, "Token pruning skipped: the identity database is unreachable; the next round, in {Interval}, tries again")]
    private static partial void LogUnreachable(ILogger logger, TimeSpan interval);

    [LoggerMessage(LogLevel.Warning, "Token pruning failed; the next round, in {Interval}, tries again: {Reason}")]
    private static partial void LogFailed(ILogger logger, TimeSpan interval, string reason, Exception exception);
}
