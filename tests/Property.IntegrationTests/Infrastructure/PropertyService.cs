using CityEServices.Property.Data;

namespace CityEServices.Property.IntegrationTests.Infrastructure;

/// <summary>The real property service (its Program, its migrations, its outbox relay, its gRPC server) on a TestServer.</summary>
public sealed class PropertyService(ServerFixture servers) : ServiceFactory<PropertyDbContext>(servers, "property", Extensions.DatabaseName)
{
    /// <summary>Every row of every table a registration writes, counted: a refused request must leave these unchanged.</summary>
    public async Task<(long Properties, long Owners, long Outbox)> CountWritesAsync() => (
        await CountAsync("SELECT count(*) FROM properties"),
        await CountAsync("SELECT count(*) FROM property_owners"),
        await CountAsync("SELECT count(*) FROM outbox_messages"));

    /// <summary>The outbox rows whose event names <paramref name="renovationCode"/>.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxRowsForAsync(string renovationCode) =>
        OutboxRowsWhereAsync("payload->>'renovationCode' = @code", ("code", renovationCode));
}
