namespace CityEServices.AppHost.Infrastructure;

/// <summary>Ports and data folder of the Debian servers the AppHost runs itself (section "LocalServers").</summary>
public sealed class LocalServerOptions
{
    public int PostgresPort { get; set; } = 55432;

    public int RabbitMqPort { get; set; } = 55672;

    public int RabbitMqManagementPort { get; set; } = 55673;

    public int RabbitMqEpmdPort { get; set; } = 55674;

    public int RabbitMqDistributionPort { get; set; } = 55675;

    public int RedisPort { get; set; } = 56379;

    /// <summary>Defaults to .city/data at the repository root (git-ignored).</summary>
    public string? DataDirectory { get; set; }
}
