using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace CityEServices.AppHost;

/// <summary>
/// One service run as <c>Scale:Replicas</c> processes (<c>./city run --replicas 2</c>): the first is the
/// resource named after the service (<c>property</c>), the others <c>property-2</c>, <c>property-3</c>…,
/// each with the same configuration, database, broker and cache, each its own process on its own port.
/// <para>
/// Not Aspire's <c>WithReplicas(n)</c>: Aspire puts its orchestrator's proxy in front of replicas (it refuses
/// proxy-less endpoints with more than one), and that proxy is a TCP proxy that picks a replica at random per
/// connection. Service discovery then sees one address, so an HTTP/2 gRPC channel (one connection) stays on
/// one replica for its whole life, and the gateway's retry on "another destination" has none to go to.
/// With a resource per replica every caller is given every replica's address
/// (<c>services__property__grpc__0</c>, <c>__1</c>…), as a headless Service gives every pod's on Kubernetes:
/// the gateway balances and retries over them and gRPC calls are spread per call. With more than one
/// replica the endpoints are proxy-less (Aspire allocates their ports), so a stopped replica refuses
/// connections as a terminated pod does.
/// </para>
/// </summary>
public sealed class ServiceReplicas
{
    private ServiceReplicas(string name, IReadOnlyList<IResourceBuilder<ProjectResource>> replicas)
    {
        Name = name;
        All = replicas;
    }

    /// <summary>The service's name, as callers' service discovery knows it (<c>http://property</c>).</summary>
    public string Name { get; }

    /// <summary>Every replica, the first (named after the service) first.</summary>
    public IReadOnlyList<IResourceBuilder<ProjectResource>> All { get; }

    /// <summary>The replica named after the service: its address is the one given where a single URL is needed.</summary>
    public IResourceBuilder<ProjectResource> First => All[0];

    /// <summary>How many replicas of each service the AppHost runs: <c>Scale:Replicas</c>, 1 unless set.</summary>
    public static int Count(IDistributedApplicationBuilder builder)
    {
        var count = builder.Configuration.GetValue("Scale:Replicas", 1);
        return count is >= 1 and <= 9 ? count : throw new InvalidOperationException($"Scale:Replicas must be between 1 and 9, not {count}.");
    }

    /// <summary>Adds <paramref name="count"/> replicas of <typeparamref name="TProject"/>, each configured by <paramref name="configure"/>.</summary>
    public static ServiceReplicas Add<TProject>(IDistributedApplicationBuilder builder, string name, int count, Action<IResourceBuilder<ProjectResource>> configure)
        where TProject : IProjectMetadata, new()
    {
        var replicas = new List<IResourceBuilder<ProjectResource>>(count);
        for (var i = 1; i <= count; i++)
        {
            var replica = builder.AddProject<TProject>(i == 1 ? name : $"{name}-{i}");
            configure(replica);
            if (count > 1)
            {
                // Callers reach each replica directly. Behind Aspire's proxy a replica that has gone away still
                // accepts connections (the proxy holds them, waiting for it to come back), so a caller would hang
                // until its timeout instead of being refused at once and trying the next replica.
                foreach (var endpoint in replica.Resource.Annotations.OfType<EndpointAnnotation>())
                {
                    endpoint.IsProxied = false;
                }
            }

            if (i > 1)
            {
                // One service in telemetry (traces, metrics, the dashboard's views), each replica a distinct
                // instance of it (Aspire's service.instance.id), as pods of one Deployment are.
                replica.WithEnvironment("OTEL_SERVICE_NAME", name);
            }

            replicas.Add(replica);
        }

        return new ServiceReplicas(name, replicas);
    }

    /// <summary>The same to every replica (an environment variable, a reference, a wait).</summary>
    public ServiceReplicas Each(Action<IResourceBuilder<ProjectResource>> configure)
    {
        foreach (var replica in All)
        {
            configure(replica);
        }

        return this;
    }
}

public static class ServiceReplicasExtensions
{
    /// <summary>
    /// Service discovery of every replica of <paramref name="service"/>: Aspire's reference to the first
    /// (<c>services__property__http__0</c>, …) plus the same keys numbered 1, 2… for the others, so the
    /// caller's resolver returns them all.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> caller, ServiceReplicas service)
    {
        caller.WithReference(service.First);
        for (var i = 1; i < service.All.Count; i++)
        {
            var replica = service.All[i];
            foreach (var endpoint in replica.Resource.Annotations.OfType<EndpointAnnotation>())
            {
                caller.WithEnvironment($"services__{service.Name}__{endpoint.Name}__{i}", replica.GetEndpoint(endpoint.Name));
            }
        }

        return caller;
    }

    /// <summary><see cref="WithReference(IResourceBuilder{ProjectResource}, ServiceReplicas)"/> for every replica of a calling service.</summary>
    public static ServiceReplicas WithReference(this ServiceReplicas callers, ServiceReplicas service) =>
        callers.Each(caller => caller.WithReference(service));
}
