namespace CityEServices.Property.Infrastructure.Caching;

/// <summary>
/// Every key and channel the registry uses in Redis starts with <c>Redis:KeyPrefix</c> (default
/// <c>property:</c>): in production the property service's Redis user may touch only <c>property:*</c>,
/// and test classes sharing one Redis each take a prefix of their own.
/// </summary>
public sealed class PropertyRedisKeys(string prefix)
{
    public const string DefaultPrefix = "property:";

    public string Prefix { get; } = prefix;

    /// <summary>The cached current state of a property (the same key in this process's memory and in Redis).</summary>
    public string Property(string renovationCode) => $"{Prefix}v1:{renovationCode}";

    /// <summary>Where replicas announce the entries they dropped.</summary>
    public string InvalidationChannel => $"{Prefix}cache-invalidations";

    public static PropertyRedisKeys From(IConfiguration configuration) =>
        new(configuration["Redis:KeyPrefix"] is { Length: > 0 } configured ? configured : DefaultPrefix);
}
