using CityEServices.Contracts.Events;
using CityEServices.UrbanPlanning.Events;
using MassTransit;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// The service plus a MassTransit bus of the test's own on its vhost, to publish DocumentArchived as the
/// archive's relay would (the archive's upload endpoint is another service's work).
/// </summary>
public sealed class WorkflowService(ServerFixture servers) : UrbanPlanningService(servers)
{
    private IBusControl? _publisher;

    public static string ConsumerQueue { get; } =
        new KebabCaseEndpointNameFormatter(Extensions.ServiceName, includeNamespace: false).Consumer<DocumentArchivedConsumer>();

    protected override async Task OnStartedAsync(CancellationToken cancellationToken)
    {
        await Eventually.UntilAsync(
            async () => await Servers.GetQueueConsumersAsync(VirtualHost, ConsumerQueue) > 0,
            TimeSpan.FromSeconds(30),
            $"urban planning consuming from {ConsumerQueue}");

        var address = new Uri(RabbitMqConnectionString);
        _publisher = Bus.Factory.CreateUsingRabbitMq(bus => bus.Host(address.Host, (ushort)address.Port, VirtualHost, host =>
        {
            host.Username("guest");
            host.Password("guest");
            host.PublisherConfirmation = true;
        }));
        await _publisher.StartAsync(cancellationToken);
    }

    public Task PublishAsync<T>(T integrationEvent) where T : IntegrationEvent =>
        (_publisher ?? throw new InvalidOperationException("Not started.")).Publish(integrationEvent, context =>
        {
            context.MessageId = integrationEvent.EventId;
            context.Durable = true;
        });

    /// <summary>The archive announcing a stored document, as its relay would.</summary>
    public Task ArchiveAsync(string category, string? fileNumber, string? renovationCode, Guid? documentId = null) =>
        PublishAsync(new DocumentArchived(documentId ?? Guid.NewGuid(), category, renovationCode, fileNumber, new string('a', 64), 1024, 1));

    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(string messageTypeSuffix, string fileNumber) =>
        OutboxRowsWhereAsync("message_type LIKE @t AND payload->>'fileNumber' = @f", ("t", $"%{messageTypeSuffix}"), ("f", fileNumber));

    public override async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.StopAsync();
        }

        await base.DisposeAsync();
    }
}
