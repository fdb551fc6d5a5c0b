using CityEServices.Contracts.Events;
using CityEServices.Property.Data;
using CityEServices.Web.Grpc;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityEServices.Property.IntegrationTests.Infrastructure;

/// <summary>
/// The real property service (its Program, its migrations, its outbox relay, its gRPC server) on a
/// TestServer, with office management a fake on a real gRPC endpoint (<see cref="Offices"/>).
/// </summary>
public class PropertyService(ServerFixture servers) : ServiceFactory<PropertyDbContext>(servers, "property", Extensions.DatabaseName)
{
    public FakeOfficeManagement OfficeManagement { get; } = new();

    /// <summary>Office management's answers; every operator is authorised until a test refuses their office or them.</summary>
    public FakeOffices Offices => OfficeManagement.Offices;

    /// <summary>
    /// How long office management's answers are kept here: the longest allowed, so that a change taking
    /// effect at once shows the OfficeAuthorizationChanged event at work, not the cache running out.
    /// </summary>
    public static readonly TimeSpan AuthorizationCacheTimeToLive = TimeSpan.FromMinutes(1);

    public override async Task InitializeAsync()
    {
        await OfficeManagement.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await OfficeManagement.DisposeAsync();
    }

    /// <summary>The audit rows of reads of <paramref name="renovationCode"/>, oldest first: (actor, kind, query).</summary>
    public async Task<IReadOnlyList<(string Actor, string Kind, string? Query)>> ReadsOfAsync(string renovationCode)
    {
        await using var connection = OpenDatabase();
        await using var command = new Npgsql.NpgsqlCommand("SELECT actor, kind, query FROM personal_data_reads WHERE renovation_code = @c ORDER BY id", connection);
        command.Parameters.AddWithValue("c", renovationCode);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>1404/09/08 14:30 in Tehran: the instant the service's clock starts at, whatever today is.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 29, 11, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The service's clock: it moves only when a test advances it. Every instance starts at
    /// <see cref="Start"/>, so everything a class registers is stamped then (and changes to one
    /// property a microsecond apart, as the registry orders them).
    /// </summary>
    public PinnedClock Clock { get; } = new(Start);

    /// <summary>This instance's <c>Redis:KeyPrefix</c> (its keys and invalidation channel): test classes share one Redis.</summary>
    public virtual string RedisKeyPrefix => $"property-test-{Id}:";

    /// <summary>Every message a consumer of this service has finished with (applied or recognised as a redelivery).</summary>
    public ConsumedMessages Consumed { get; } = new();

    /// <summary>Every row of every table a write touches, counted: a refused request must leave these unchanged.</summary>
    public async Task<(long Properties, long Owners, long History, long Outbox)> CountWritesAsync() => (
        await CountAsync("SELECT count(*) FROM properties"),
        await CountAsync("SELECT count(*) FROM property_owners"),
        await CountAsync("SELECT count(*) FROM property_history"),
        await CountAsync("SELECT count(*) FROM outbox_messages"));

    /// <summary>The outbox rows whose event names <paramref name="renovationCode"/>.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxRowsForAsync(string renovationCode) =>
        OutboxRowsWhereAsync("payload->>'renovationCode' = @code", ("code", renovationCode));

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        // Tests never depend on the Development sample (the TestServer runs as Development).
        settings["SampleData:Enabled"] = "false";
        settings["Redis:KeyPrefix"] = RedisKeyPrefix;
        // Straight at the fake; service discovery passes a literal address through.
        settings["Grpc:officemanagement"] = OfficeManagement.Address.ToString();
        settings["OfficeAuthorization:CacheTimeToLive"] = AuthorizationCacheTimeToLive.ToString("c");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        // A gRPC deadline is an instant the gRPC client compares with the real clock: taken from the
        // pinned one it would already have passed, and every call to office management would time out.
        services.Replace(ServiceDescriptor.Singleton(provider =>
            new DefaultDeadlineInterceptor(provider.GetRequiredService<IOptions<GrpcClientSettings>>(), TimeProvider.System)));
        services.AddConsumeObserver(_ => Consumed);
    }
}

/// <summary>A second replica of <paramref name="primary"/>: the same database and the same Redis key prefix, its own memory.</summary>
public sealed class PropertyReplica(ServerFixture servers, PropertyService primary) : PropertyService(servers)
{
    public override string RedisKeyPrefix => primary.RedisKeyPrefix;

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings[$"ConnectionStrings:{Extensions.DatabaseName}"] = Servers.Postgres.ConnectionString(primary.Database);
    }
}

public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly List<Guid> _eventIds = [];

    public int Count(Guid eventId)
    {
        lock (_eventIds)
        {
            return _eventIds.Count(id => id == eventId);
        }
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is IntegrationEvent message)
        {
            lock (_eventIds)
            {
                _eventIds.Add(message.EventId);
            }
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
