namespace CityEServices.Gateway.Tests.Infrastructure;

/// <summary>One Redis, one fake service and one gateway for the whole assembly.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public LocalRedis Redis { get; private set; } = null!;

    public FakeService Service { get; } = new();

    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await LocalRedis.StartAsync();
        await Service.StartAsync();
        Gateway = NewGateway();
        _ = Gateway.Server;
    }

    public GatewayFactory NewGateway(IDictionary<string, string?>? overrides = null, bool trustTestTokens = true) =>
        new(Redis.ConnectionString, Service.Address, overrides, trustTestTokens);

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await Service.DisposeAsync();
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway, fake service and Redis";
}
