using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityEServices.AppHost.Infrastructure;

/// <summary>
/// Until its server has answered once, the check keeps asking every 100 ms (for up to a minute) instead of
/// answering "not yet": Aspire's scheduler waits 1, 2, 3, 4 and then 5 s between unhealthy reports, so a
/// broker that came up just after a check held every service back by up to 5 s. Once the server has
/// answered, each check is a single try again, so an outage shows at once.
/// </summary>
public sealed class StartupPatientHealthCheck(IHealthCheck server, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private volatile bool _answered;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var result = await server.CheckHealthAsync(context, cancellationToken).ConfigureAwait(false);
            if (result.Status == HealthStatus.Healthy)
            {
                _answered = true;
                return result;
            }

            if (_answered || time.GetElapsedTime(started) >= Patience)
            {
                return result;
            }

            // Without the context, the wait resumes on the thread that ends it (a fake clock's Advance in the tests).
            await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
