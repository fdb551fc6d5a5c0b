namespace CityEServices.Web.Grpc;

public static class GrpcServerExtensions
{
    /// <summary>
    /// gRPC servers for a service that also serves REST. Unknown gRPC calls fall through to a 404 (which
    /// gRPC clients read as Unimplemented) instead of gRPC's catch-all {service}/{method} route, which
    /// otherwise claims two-segment REST paths such as POST /api/offices and turns a wrong Content-Type
    /// (415) into a misleading 404.
    /// </summary>
    public static IHostApplicationBuilder AddGrpcServers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        return builder;
    }
}
