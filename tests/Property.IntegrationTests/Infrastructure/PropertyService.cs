using CityEServices.Property.Data;

namespace CityEServices.Property.IntegrationTests.Infrastructure;

/// <summary>The real property service (its Program, its migrations, its outbox relay, its gRPC server) on a TestServer.</summary>
public class PropertyService(ServerFixture servers) : ServiceFactory<PropertyDbContext>(servers, "property", Extensions.DatabaseName)
{
    /// <summary>Every row of every table a write touches, counted: a refused request must leave these unchanged.</summary>
    public async Task<(long Properties, long Owners, long History, long Outbox)> CountWritesAsync() => (
        await CountAsync("SELECT count(*) FROM properties"),
        await CountAsync("SELECT count(*) FROM property_owners"),
        await CountAsync("SELECT count(*) FROM property_history"),
        await CountAsync("SELECT count(*) FROM outbox_messages"));

    /// <summary>The outbox rows whose event names <paramref name="renovationCode"/>.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxRowsForAsync(string renovationCode) =>
        OutboxRowsWhereAsync("payload->>'renovationCode' = @code", ("code", renovationCode));

    // Tests never depend on the Development sample (the TestServer runs as Development).
    protected override void ConfigureSettings(IDictionary<string, string?> settings) => settings["SampleData:Enabled"] = "false";
}
