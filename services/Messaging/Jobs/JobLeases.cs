using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Jobs;

/// <summary>
/// Takes, renews and hands back a job's lease. Every comparison uses the database's clock, so replicas
/// whose clocks disagree still agree on who holds a lease and whether a run is due.
/// </summary>
public sealed class JobLeases<TDbContext>(IServiceScopeFactory scopes) where TDbContext : DbContext
{
    /// <summary>
    /// The lease when <paramref name="job"/> is due and nobody holds it (or the holder's lease ran out);
    /// else null. One UPDATE decides: of two replicas asking at once, the second sees the first's lease.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string job, string holder, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO job_leases (name, next_run_at, runs) VALUES ({job}, now(), 0) ON CONFLICT DO NOTHING", cancellationToken);
        var taken = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE job_leases SET holder = {holder}, lease_until = now() + {leaseFor}, last_started_at = now()
            WHERE name = {job} AND next_run_at <= now() AND (lease_until IS NULL OR lease_until < now())
            """, cancellationToken);
        return taken == 1;
    }

    /// <summary>Extends a lease still held; false when another replica has taken it meanwhile (this one was too slow).</summary>
    public async Task<bool> RenewAsync(string job, string holder, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE job_leases SET lease_until = now() + {leaseFor} WHERE name = {job} AND holder = {holder}", cancellationToken) == 1;
    }

    /// <summary>Hands the lease back and sets the next run <paramref name="nextIn"/> from now (database time).</summary>
    public async Task CompleteAsync(string job, string holder, TimeSpan nextIn, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE job_leases SET holder = NULL, lease_until = NULL, next_run_at = now() + {nextIn},
                last_finished_at = now(), last_error = {error}, runs = runs + 1
            WHERE name = {job} AND holder = {holder}
            """, cancellationToken);
    }

    /// <summary>Makes the job due now (an operator's "run it now", or a test).</summary>
    public async Task TriggerAsync(string job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO job_leases (name, next_run_at, runs) VALUES ({job}, now(), 0)
            ON CONFLICT (name) DO UPDATE SET next_run_at = now()
            """, cancellationToken);
    }

    public async Task<JobLease?> FindAsync(string job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Set<JobLease>().AsNoTracking().SingleOrDefaultAsync(l => l.Name == job, cancellationToken);
    }
}
