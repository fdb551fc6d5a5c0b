using Aspire.Hosting.ApplicationModel;
using CityEServices.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CityEServices.AppHost;

public static class ProjectResourceExtensions
{
    /// <summary>
    /// An HTTP/1.1 endpoint "http" for REST and, for gRPC servers, a plain-text HTTP/2 endpoint "grpc":
    /// without TLS there is no ALPN, so one port cannot offer both. Configured through Kestrel's own
    /// configuration keys, the same ones the Kubernetes manifests set.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceEndpoints(this IResourceBuilder<ProjectResource> project, bool grpc = false, int? httpPort = null)
    {
        // Projects have no launch profiles of their own: the AppHost's environment (Development in
        // local runs and tests) is theirs too.
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", project.ApplicationBuilder.Environment.EnvironmentName);
        project.WithHttpEndpoint(name: "http", port: httpPort);
        var http = project.GetEndpoint("http");
        project.WithEnvironment("Kestrel__Endpoints__http__Url", ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}"));
        project.WithEnvironment("Kestrel__Endpoints__http__Protocols", "Http1");
        if (grpc)
        {
            project.WithHttpEndpoint(name: "grpc").WithEndpoint("grpc", e => e.Transport = "http2");
            var endpoint = project.GetEndpoint("grpc");
            project.WithEnvironment("Kestrel__Endpoints__grpc__Url", ReferenceExpression.Create($"http://localhost:{endpoint.Property(EndpointProperty.TargetPort)}"));
            project.WithEnvironment("Kestrel__Endpoints__grpc__Protocols", "Http2");
        }

        project.WithTraceSamplingFromConfiguration();
        return project.FromBuildOutput().WithHttpHealthCheck("/health", endpointName: "http");
    }

    /// <summary>
    /// Aspire has every project record every trace (OTEL_TRACES_SAMPLER=always_on), right for a developer's
    /// dashboard. "Telemetry:TracesSampler" (and "Telemetry:TracesSamplerArg") replace that with what a
    /// deployment runs, e.g. parentbased_traceidratio at 0.1 as the Kubernetes manifests set; the benchmarks
    /// use it so that they measure the services, not the dashboard's ingestion of every span.
    /// </summary>
    private static void WithTraceSamplingFromConfiguration(this IResourceBuilder<ProjectResource> project)
    {
        var configuration = project.ApplicationBuilder.Configuration;
        if (configuration["Telemetry:TracesSampler"] is not { Length: > 0 } sampler)
        {
            return;
        }

        project.WithEnvironment("OTEL_TRACES_SAMPLER", sampler);
        if (configuration["Telemetry:TracesSamplerArg"] is { Length: > 0 } argument)
        {
            project.WithEnvironment("OTEL_TRACES_SAMPLER_ARG", argument);
        }
    }

    /// <summary>
    /// The service's own database, the broker and (unless <paramref name="redis"/> is false, for a service
    /// that keeps nothing there) the cache, started and healthy before the service.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithInfrastructure(this IResourceBuilder<ProjectResource> project, CityInfrastructure infrastructure, string database, bool redis = true)
    {
        project.WithReference(infrastructure.Database(database))
            .WithReference(infrastructure.RabbitMq);
        foreach (var server in infrastructure.Servers)
        {
            project.WaitFor(server);
        }

        project.WaitFor(infrastructure.Database(database)).WaitFor(infrastructure.RabbitMq);
        return redis ? project.WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis) : project;
    }
}
