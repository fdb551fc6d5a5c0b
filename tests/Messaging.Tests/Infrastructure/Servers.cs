using CityEServices.TestSupport;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ for the whole test assembly: they take seconds to start,
/// so every test shares them and keeps apart by its own database and its own queue prefix.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    public LocalPostgres Postgres { get; private set; } = null!;

    public LocalRabbitMq RabbitMq { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = LocalPostgres.StartAsync();
        var rabbit = LocalRabbitMq.StartAsync();
        try
        {
            Postgres = await postgres;
            RabbitMq = await rabbit;
        }
        catch
        {
            // Whichever did start must not outlive a failed fixture.
            await DisposeStartedAsync(postgres);
            await DisposeStartedAsync(rabbit);
            Postgres = null!;
            RabbitMq = null!;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed (it cleaned up then); xunit still calls this.
        await Task.WhenAll(
            Postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            RabbitMq?.DisposeAsync().AsTask() ?? Task.CompletedTask);
    }

    private static async Task DisposeStartedAsync<T>(Task<T> starting) where T : IAsyncDisposable
    {
        try
        {
            await (await starting).DisposeAsync();
        }
        catch
        {
            // It never started.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<Servers>
{
    public const string Name = "PostgreSQL and RabbitMQ";
}
