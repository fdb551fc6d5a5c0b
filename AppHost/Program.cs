using CityEServices.AppHost;
using CityEServices.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The stack launcher (tools/Stack) runs this in-process and chooses the dashboard, the ports and the
// data folder for ./city run, ./city bench and the end-to-end and fault tests.
var builder = DistributedApplication.CreateBuilder(args);

var decisions = new List<string>();
var infrastructure = builder.AddCityInfrastructure(decisions);
var adminPassword = builder.AddParameter("admin-password", secret: true);

// Scale:Replicas (./city run --replicas 2) runs every service but the gateway that many times; see ServiceReplicas.
var replicas = ServiceReplicas.Count(builder);

var identity = ServiceReplicas.Add<Projects.Identity>(builder, "identity", replicas, replica =>
{
    replica.WithServiceEndpoints()
        .WithReference(infrastructure.Database("identity-db"))
        .WaitFor(infrastructure.Database("identity-db"))
        .WithEnvironment("Identity__AdminPassword", adminPassword)
        // Its outbox carries citizens' sign-in codes to notifications. It does not wait for the broker:
        // staff sign in while the broker is still booting, and the outbox sends the codes once it is up.
        .WithReference(infrastructure.RabbitMq);
    // Identity needs PostgreSQL only to start: it starts while the broker and the cache are still booting.
    foreach (var server in infrastructure.DatabaseServers)
    {
        replica.WaitFor(server);
    }
});

// The issuer and the address the services fetch signing keys from: the first identity replica's. Every
// replica signs with the one key kept in its database and names this same issuer, so a token from
// either is valid everywhere.
var identityUrl = identity.First.GetEndpoint("http");
identity.Each(replica => replica.WithEnvironment("Identity__Url", identityUrl));

var officeManagement = ServiceReplicas.Add<Projects.OfficeManagement>(builder, "officemanagement", replicas, replica => replica
    .WithServiceEndpoints(grpc: true)
    .WithInfrastructure(infrastructure, "officemanagement-db"));

// Property asks office management (AuthorizeService) whether an operator may read owners now: the by-law.
var property = ServiceReplicas.Add<Projects.Property>(builder, "property", replicas, replica => replica
    .WithServiceEndpoints(grpc: true)
    .WithInfrastructure(infrastructure, "property-db"))
    .WithReference(officeManagement);

// The archive asks office management (AuthorizeService) whether an operator may work now: the by-law.
// Its content store sits with the rest of the local data (.city/data/archive by default; the end-to-end
// fixture's throwaway data folder in tests) unless Archive:ContentRoot names another place; replicas share it.
var archiveContent = builder.Configuration["Archive:ContentRoot"]
    ?? Path.GetFullPath(Path.Combine(builder.Configuration["LocalServers:DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".city", "data"), "archive"));
var archive = ServiceReplicas.Add<Projects.Archive>(builder, "archive", replicas, replica => replica
    .WithServiceEndpoints(grpc: true)
    .WithInfrastructure(infrastructure, "archive-db")
    .WithEnvironment("Archive__ContentRoot", archiveContent))
    .WithReference(officeManagement);

// Every service that hash-chains audit tables asks the archive for the heads of them it keeps (audit/verify);
// urban planning's reference below covers it too.
identity.WithReference(archive);
property.WithReference(archive);
officeManagement.WithReference(archive);

var urbanPlanning = ServiceReplicas.Add<Projects.UrbanPlanning>(builder, "urbanplanning", replicas, replica => replica
    .WithServiceEndpoints()
    .WithInfrastructure(infrastructure, "urbanplanning-db"))
    .WithReference(property).WithReference(officeManagement).WithReference(archive);

// Notifications hears every integration event and calls out (webhooks, the SMS provider); it asks no
// other service and keeps nothing in Redis. In local runs its SMS go to its own Development sink.
var notifications = ServiceReplicas.Add<Projects.Notifications>(builder, "notifications", replicas, replica => replica
    .WithServiceEndpoints()
    .WithInfrastructure(infrastructure, "notifications-db", redis: false));

ServiceReplicas[] services = [property, officeManagement, archive, urbanPlanning, notifications];
foreach (var service in services)
{
    // Every service validates tokens itself against the identity service's keys, fetched on first use,
    // so the services start alongside identity rather than after it.
    service.Each(replica => replica.WithEnvironment("Identity__Url", identityUrl));
}

var gatewayPort = builder.Configuration.GetValue("Gateway:Port", 8080);
// The gateway starts alongside the services, not after them: it needs only Redis (rate limits), and
// it answers 503 problem details for a service that is not up yet, as it does for one that went down.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithServiceEndpoints(httpPort: gatewayPort)
    .WithEnvironment("Identity__Url", identityUrl)
    .WithReference(identity)
    .WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis);
foreach (var service in services)
{
    gateway.WithReference(service);
}

// Rate limits (Gateway:RateLimits:*) pass through from the AppHost's own configuration, so the
// end-to-end tests and the benchmarks can raise them with a command-line switch.
foreach (var (key, value) in builder.Configuration.GetSection("Gateway:RateLimits").AsEnumerable(makePathsRelative: true))
{
    if (value is not null)
    {
        gateway.WithEnvironment("Gateway__RateLimits__" + key.Replace(":", "__", StringComparison.Ordinal), value);
    }
}

builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
{
    var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CityEServices.Infrastructure");
    foreach (var decision in decisions)
    {
        logger.LogInformation("{Decision}", decision);
    }

    return Task.CompletedTask;
});

builder.Build().Run();
