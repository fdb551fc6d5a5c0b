using CityEServices.Contracts.Events;
using CityEServices.Property.Data;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Property.IntegrationTests.Infrastructure;

/// <summary>The real property service (its Program, its migrations, its outbox relay, its gRPC server) on a TestServer.</summary>
public class PropertyService(ServerFixture servers) : ServiceFactory<PropertyDbContext>(servers, "property", Extensions.DatabaseName)
{
    /// <summary>1404/09/08 14:30 in Tehran: the instant the service's clock starts at, whatever today is.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 29, 11, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The service's clock: it moves only when a test advances it. Every instance starts at
    /// <see cref="Start"/>, so everything a class registers is stamped then (and changes to one
    /// property a microsecond apart, as the registry orders them).
    /// </summary>
    public PinnedClock Clock { get; } = new(Start);

    /// <summary>Prefix of this instance's Redis keys and invalidation channel: test classes share one Redis.</summary>
    public virtual string CacheNamespace => $"test-{Id}";

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
        settings["PropertyCache:Namespace"] = CacheNamespace;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.AddConsumeObserver(_ => Consumed);
    }
}

/// <summary>A second replica of <paramref name="primary"/>: the same database and the same Redis namespace, its own memory.</summary>
public sealed class PropertyReplica(ServerFixture servers, PropertyService primary) : PropertyService(servers)
{
    public override string CacheNamespace => primary.CacheNamespace;

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
