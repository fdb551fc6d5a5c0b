namespace CityEServices.ServiceDefaults.Health;

public static class HealthPaths
{
    /// <summary>Every check: the service and everything it uses (database, broker, cache). For people and the AppHost.</summary>
    public const string Ready = "/health";

    /// <summary>
    /// Kubernetes readiness: can this pod serve its own requests? Only its own database counts. Redis and
    /// the broker degrade behaviour (cache misses, events held in the outbox) but must not take every
    /// pod of every service out of the load balancer at once when they blip.
    /// </summary>
    public const string Readiness = "/health/ready";

    /// <summary>Kubernetes liveness: the process itself, nothing outside it.</summary>
    public const string Alive = "/alive";

    /// <summary>The tag of the service's own-database check, the only one readiness looks at.</summary>
    public const string DatabaseTag = "database";

    /// <summary>Checks tagged "ready" decide /health; "live" ones decide /alive.</summary>
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    public static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments(Ready) || path.StartsWithSegments(Alive);
}
