using Microsoft.AspNetCore.Http;

namespace CityEServices.ServiceDefaults.Health;

public static class HealthPaths
{
    public const string Ready = "/health";
    public const string Alive = "/alive";

    /// <summary>Checks tagged "ready" decide /health; "live" ones decide /alive.</summary>
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    public static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments(Ready) || path.StartsWithSegments(Alive);
}
