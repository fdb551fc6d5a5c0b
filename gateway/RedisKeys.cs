namespace CityEServices.Gateway;

/// <summary>
/// Every key the gateway keeps in Redis starts with <c>Redis:KeyPrefix</c> (default <c>gateway:</c>):
/// in production each service's Redis user may touch only its own prefix.
/// </summary>
public sealed class RedisKeys(IConfiguration configuration)
{
    public string Prefix { get; } = configuration["Redis:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "gateway:";
}
