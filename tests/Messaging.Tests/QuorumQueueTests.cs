using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using CityEServices.Web.Authorization;

namespace CityEServices.Messaging.Tests;

/// <summary>
/// In production every durable queue is a quorum queue (replicated across the broker cluster); the
/// declaring side must ask for it, since RabbitMQ 3.10 cannot make it a vhost's default.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class QuorumQueueTests(Servers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task With_queue_type_quorum_every_durable_queue_is_quorum_and_a_replicas_own_queue_stays_classic()
    {
        await using var host = await MessagingHost.StartAsync(servers, output, bus =>
        {
            bus.AddConsumer<FileOpenedConsumer>();
            bus.AddOfficeAuthorizationInvalidation();
        }, new Dictionary<string, string?> { ["Messaging:QueueType"] = "quorum" });

        var queues = await servers.RabbitMq.QueueTypesAsync(host.Prefix);

        Assert.Equal("quorum", queues[host.QueueOf<FileOpenedConsumer>()]);
        var replicaQueue = Assert.Single(queues, q => q.Key.Contains(MessagingExtensions.TemporaryQueueMarker, StringComparison.Ordinal));
        Assert.Equal("classic", replicaQueue.Value);
    }

    [Fact]
    public async Task By_default_queues_are_classic_as_a_single_local_broker_wants()
    {
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>());

        var queues = await servers.RabbitMq.QueueTypesAsync(host.Prefix);

        Assert.Equal("classic", queues[host.QueueOf<FileOpenedConsumer>()]);
    }
}
