namespace CityEServices.UrbanPlanning.Grpc;

/// <summary>Configuration section "Grpc": how the clients of other services behave.</summary>
public sealed class GrpcClientSettings
{
    public const string Section = "Grpc";

    /// <summary>
    /// Deadline of every call that does not set its own. A user is waiting on the other end, and a
    /// slow dependency should become a prompt 503 rather than a hung request.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Service-discovery addresses ("_grpc" picks the callee's HTTP/2 endpoint named grpc).</summary>
    public Uri OfficeManagement { get; set; } = new("http://_grpc.officemanagement");

    public Uri Property { get; set; } = new("http://_grpc.property");

    public Uri Archive { get; set; } = new("http://_grpc.archive");
}
