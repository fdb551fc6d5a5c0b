namespace CityEServices.Web.Grpc;

/// <summary>
/// Configuration section "Grpc": how the clients of other services behave. <c>Grpc:&lt;service&gt;</c>
/// (e.g. <c>Grpc:property</c>) overrides the address service discovery would give.
/// </summary>
public sealed class GrpcClientSettings
{
    public const string Section = "Grpc";

    /// <summary>
    /// Deadline of every call that does not set its own. A user is waiting on the other end, and a
    /// slow dependency should become a prompt 503 rather than a hung request.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);
}
