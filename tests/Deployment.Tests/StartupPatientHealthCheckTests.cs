using CityEServices.AppHost.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// A local server's check waits for the server's first answer, asking every 100 ms, instead of reporting "not
/// yet" into Aspire's 1–5 s backoff; once the server has answered, an outage is reported by a single try.
/// </summary>
public sealed class StartupPatientHealthCheckTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_server_that_answers_on_its_fourth_try_is_healthy_300_ms_after_the_first()
    {
        var server = new ScriptedServer(HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Healthy);
        var started = _time.GetUtcNow();

        var result = await DriveAsync(new StartupPatientHealthCheck(server, _time).CheckHealthAsync(new HealthCheckContext()));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(4, server.Calls);
        Assert.Equal(TimeSpan.FromMilliseconds(300), _time.GetUtcNow() - started);
    }

    [Fact]
    public async Task Once_the_server_has_answered_an_outage_is_reported_by_one_try()
    {
        var server = new ScriptedServer(HealthStatus.Healthy, HealthStatus.Unhealthy);
        var check = new StartupPatientHealthCheck(server, _time);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        var outage = check.CheckHealthAsync(new HealthCheckContext());

        Assert.True(outage.IsCompleted, "the check waited although the server had answered before");
        Assert.Equal(HealthStatus.Unhealthy, (await outage).Status);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_reported_unhealthy_after_a_minute()
    {
        var server = new ScriptedServer(HealthStatus.Unhealthy);
        var started = _time.GetUtcNow();

        var result = await DriveAsync(new StartupPatientHealthCheck(server, _time).CheckHealthAsync(new HealthCheckContext()));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(StartupPatientHealthCheck.Patience, _time.GetUtcNow() - started);
        Assert.Equal(601, server.Calls);
    }

    /// <summary>Moves the fake clock one interval at a time until the check answers (bounded: two minutes of fake time).</summary>
    private async Task<HealthCheckResult> DriveAsync(Task<HealthCheckResult> check)
    {
        for (var step = 0; step < 1200 && !check.IsCompleted; step++)
        {
            await Task.Yield();
            if (!check.IsCompleted)
            {
                _time.Advance(StartupPatientHealthCheck.Interval);
            }
        }

        Assert.True(check.IsCompleted, "the check did not answer within two minutes of fake time");
        return await check;
    }

    /// <summary>Answers the scripted statuses in turn, the last one from then on.</summary>
    private sealed class ScriptedServer(params HealthStatus[] answers) : IHealthCheck
    {
        public int Calls { get; private set; }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = answers[Math.Min(Calls, answers.Length - 1)];
            Calls++;
            return Task.FromResult(new HealthCheckResult(status));
        }
    }
}
