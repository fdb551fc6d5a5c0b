using CityEServices.Gateway.Proxy;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// The gateway's passive health policy: how many transport failures put a replica out, for how long,
/// and that a replica back from its period is judged afresh (YARP's rate policy held it out again).
/// </summary>
public sealed class ConsecutiveFailuresPolicyTests
{
    private readonly Updates updates = new();
    private readonly DestinationState replica = new("d1");

    [Fact]
    public void Two_transport_failures_in_a_row_put_a_replica_out_for_the_configured_period()
    {
        var policy = new ConsecutiveFailuresPolicy(updates);
        var cluster = Cluster(reactivation: TimeSpan.FromSeconds(15));

        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        Assert.DoesNotContain(updates.Set, u => u.Health == DestinationHealth.Unhealthy);

        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        var (health, period) = Assert.Single(updates.Set, u => u.Health == DestinationHealth.Unhealthy);
        Assert.Equal(TimeSpan.FromSeconds(15), period);
    }

    [Fact]
    public void An_answer_between_failures_clears_the_count()
    {
        var policy = new ConsecutiveFailuresPolicy(updates);
        var cluster = Cluster(reactivation: TimeSpan.FromSeconds(15));

        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        policy.RequestProxied(Answered(), cluster, replica);
        policy.RequestProxied(Failed(ForwarderError.RequestTimedOut), cluster, replica);

        Assert.DoesNotContain(updates.Set, u => u.Health == DestinationHealth.Unhealthy);
        Assert.Equal(DestinationHealth.Healthy, updates.Set[^1].Health);
    }

    [Fact]
    public void A_replica_back_from_its_period_is_healthy_on_its_first_answer_whatever_failed_before()
    {
        var policy = new ConsecutiveFailuresPolicy(updates);
        var cluster = Cluster(reactivation: TimeSpan.FromSeconds(15));
        for (var i = 0; i < 30; i++)
        {
            policy.RequestProxied(Answered(), cluster, replica);
        }

        for (var i = 0; i < 20; i++)
        {
            policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        }

        updates.Set.Clear();
        policy.RequestProxied(Answered(), cluster, replica);

        Assert.Equal([(DestinationHealth.Healthy, TimeSpan.FromSeconds(15))], updates.Set);
    }

    [Fact]
    public void A_single_failure_after_the_period_does_not_put_it_out_again()
    {
        var policy = new ConsecutiveFailuresPolicy(updates);
        var cluster = Cluster(reactivation: TimeSpan.FromSeconds(15));
        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        updates.Set.Clear();

        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);

        Assert.Empty(updates.Set);
    }

    [Fact]
    public void A_caller_who_went_away_or_an_error_that_is_not_the_replicas_does_not_count()
    {
        var policy = new ConsecutiveFailuresPolicy(updates);
        var cluster = Cluster(reactivation: TimeSpan.FromSeconds(15));
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        for (var i = 0; i < 3; i++)
        {
            var aborted = Failed(ForwarderError.Request);
            aborted.RequestAborted = gone.Token;
            policy.RequestProxied(aborted, cluster, replica);
            policy.RequestProxied(Failed(ForwarderError.RequestCanceled), cluster, replica);
            policy.RequestProxied(Failed(ForwarderError.ResponseBodyClient), cluster, replica);
        }

        Assert.DoesNotContain(updates.Set, u => u.Health == DestinationHealth.Unhealthy);
    }

    [Fact]
    public void The_threshold_and_period_come_from_the_cluster()
    {
        var policy = new ConsecutiveFailuresPolicy(updates);
        var cluster = Cluster(reactivation: TimeSpan.FromSeconds(5), threshold: "3");

        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);
        Assert.Empty(updates.Set);
        policy.RequestProxied(Failed(ForwarderError.Request), cluster, replica);

        Assert.Equal([(DestinationHealth.Unhealthy, TimeSpan.FromSeconds(5))], updates.Set);
    }

    private static ClusterState Cluster(TimeSpan reactivation, string? threshold = null)
    {
        var config = new ClusterConfig
        {
            ClusterId = "property",
            HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = ConsecutiveFailuresPolicy.PolicyName, ReactivationPeriod = reactivation } },
            Metadata = threshold is null ? null : new Dictionary<string, string> { [ConsecutiveFailuresPolicy.ThresholdMetadata] = threshold },
        };
        return new ClusterState("property", new ClusterModel(config, new HttpMessageInvoker(new SocketsHttpHandler())));
    }

    private static DefaultHttpContext Answered() => new();

    private static DefaultHttpContext Failed(ForwarderError error)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IForwarderErrorFeature>(new ErrorFeature(error));
        return context;
    }

    private sealed record ErrorFeature(ForwarderError Error) : IForwarderErrorFeature
    {
        public Exception? Exception => null;
    }

    private sealed class Updates : IDestinationHealthUpdater
    {
        public List<(DestinationHealth Health, TimeSpan Period)> Set { get; } = [];

        public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthPairs) { }

        public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod) =>
            Set.Add((newHealth, reactivationPeriod));
    }
}
