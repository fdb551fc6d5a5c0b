using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace CityEServices.Gateway.Proxy;

/// <summary>
/// Passive health: a destination that failed at the transport level (refused, reset, timed out) on
/// <see cref="ThresholdMetadata"/> requests in a row (default 2) is left out for the cluster's
/// <c>ReactivationPeriod</c>, then tried again; any answer from it, whatever its status, clears the count.
/// Replaces YARP's TransportFailureRate policy, which stretches every reactivation period to its 60 s
/// detection window and, when a replica comes back, can count the failures from before it left against
/// its first new answer and leave it out for another minute: a replica restarted in a rolling update
/// served one read and then none for a minute (the replica tests saw it).
/// </summary>
public sealed class ConsecutiveFailuresPolicy(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "ConsecutiveTransportFailures";
    public const string ThresholdMetadata = "ConsecutiveTransportFailures.Threshold";
    private const int DefaultThreshold = 2;
    private static readonly TimeSpan DefaultReactivationPeriod = TimeSpan.FromSeconds(15);

    private readonly ConditionalWeakTable<DestinationState, StrongBox<int>> failures = new();

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var inARow = failures.GetOrCreateValue(destination);
        if (!Failed(context))
        {
            Volatile.Write(ref inARow.Value, 0);
            health.SetPassive(cluster, destination, DestinationHealth.Healthy, ReactivationPeriod(cluster));
            return;
        }

        if (Interlocked.Increment(ref inARow.Value) >= Threshold(cluster))
        {
            // Back from its period it starts afresh: one more failure alone does not put it out again.
            Volatile.Write(ref inARow.Value, 0);
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, ReactivationPeriod(cluster));
        }
    }

    private static TimeSpan ReactivationPeriod(ClusterState cluster) =>
        cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? DefaultReactivationPeriod;

    private static int Threshold(ClusterState cluster) =>
        cluster.Model.Config.Metadata?.TryGetValue(ThresholdMetadata, out var value) == true
            && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var threshold) && threshold > 0
            ? threshold
            : DefaultThreshold;

    /// <summary>The destination's fault, as YARP's own policy decides it: not a caller who went away.</summary>
    private static bool Failed(HttpContext context) =>
        !context.RequestAborted.IsCancellationRequested
        && context.Features.Get<IForwarderErrorFeature>()?.Error is ForwarderError.Request
            or ForwarderError.RequestTimedOut
            or ForwarderError.RequestBodyDestination
            or ForwarderError.ResponseBodyDestination
            or ForwarderError.UpgradeRequestDestination
            or ForwarderError.UpgradeResponseDestination;
}
