using System.Text.Json;
using CityEServices.Messaging.Inbox;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Messaging.Tests;

[Collection(ServersCollection.Name)]
public sealed class InboxTests(Servers servers, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task The_same_message_delivered_again_is_applied_once()
    {
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>());
        var observations = host.Observations;

        var first = Events.FileOpened("dup-1");
        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Name = "dup-1" });
            db.PublishOnCommit(first);
            await db.SaveChangesAsync();
        });
        await Eventually.UntilAsync(() => Task.FromResult(observations.Deliveries(first.EventId) == 1), TimeSpan.FromSeconds(20), "first delivery");
        await Eventually.UntilAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == first.EventId && m.PublishedAt != null)),
            TimeSpan.FromSeconds(10), "the outbox row marked published");

        // The relay published but died before marking the row: it publishes the same event again.
        await host.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == first.EventId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, (DateTimeOffset?)null)));
        await Eventually.UntilAsync(() => Task.FromResult(observations.Deliveries(first.EventId) == 2), TimeSpan.FromSeconds(20), "the relay's second delivery");

        // The broker redelivers it twice more, at the same moment.
        var bus = host.Services.GetRequiredService<IBus>();
        await Task.WhenAll(PublishCopyAsync(bus, first), PublishCopyAsync(bus, first));
        await Eventually.UntilAsync(() => Task.FromResult(observations.Deliveries(first.EventId) == 4), TimeSpan.FromSeconds(20), "four deliveries in all");

        // A message never applied before, delivered twice at once: the two race for the inbox key.
        var raced = Events.FileOpened("dup-2");
        await Task.WhenAll(PublishCopyAsync(bus, raced), PublishCopyAsync(bus, raced));
        await Eventually.UntilAsync(() => Task.FromResult(observations.Deliveries(raced.EventId) == 2), TimeSpan.FromSeconds(20), "both racing deliveries");

        await host.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.Effects.CountAsync(e => e.EventId == first.EventId));
            Assert.Equal(1, await db.Effects.CountAsync(e => e.EventId == raced.EventId));
            var inbox = await db.Set<InboxMessage>().AsNoTracking().ToListAsync();
            Assert.Equal(new[] { first.EventId, raced.EventId }.Order(), inbox.Select(i => i.MessageId).Order());
            Assert.All(inbox, i => Assert.Equal(nameof(FileOpenedConsumer), i.Consumer));
        });
        Assert.Equal(1, observations.HandleCalls(first.EventId));
        Assert.Equal(1, observations.HandleCalls(raced.EventId));
        // The after-commit hook ran once per applied message (never for a duplicate), when the effect was committed.
        Assert.Equal([true], observations.AfterCommits(first.EventId));
        Assert.Equal([true], observations.AfterCommits(raced.EventId));
    }

    [Fact(Timeout = 90_000)]
    public async Task A_consumer_that_throws_is_retried_then_its_message_stays_in_the_error_queue()
    {
        const int retryLimit = 2;
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<PoisonConsumer>(),
            new Dictionary<string, string?> { ["Messaging:Retry:RetryLimit"] = retryLimit.ToString() });
        var queue = host.QueueOf<PoisonConsumer>();
        var errorQueue = $"{queue}_error";
        var rabbit = servers.RabbitMq;
        Assert.NotNull(await rabbit.GetQueueDepthAsync(queue));

        var poison = Events.RequestSubmitted("poison-1");
        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Name = "poison-1" });
            db.PublishOnCommit(poison);
            await db.SaveChangesAsync();
        });

        var inError = new List<JsonElement>();
        await Eventually.UntilAsync(async () =>
        {
            if (await rabbit.GetQueueDepthAsync(errorQueue) is null)
            {
                return false;
            }

            inError = [.. await rabbit.PeekAsync(errorQueue, 10)];
            return inError.Count > 0;
        }, TimeSpan.FromSeconds(30), $"the message reaches {errorQueue}");

        // In the error queue means MassTransit has given up: every attempt (the first and each retry) ran before.
        Assert.Equal(retryLimit + 1, host.Observations.HandleCalls(poison.EventId));

        var message = Assert.Single(inError);
        Assert.Equal(poison.EventId.ToString(), message.GetProperty("properties").GetProperty("message_id").GetString());
        Assert.Contains(poison.RequestId.ToString(), message.GetProperty("payload").GetString());
        Assert.Contains("poison", message.GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-Message").GetString());

        // Not redelivered from the main queue, not acked away: it sits in the error queue.
        Assert.Empty(await rabbit.PeekAsync(queue, 10));
        await Eventually.UntilAsync(async () => await rabbit.GetQueueDepthAsync(errorQueue) == 1,
            TimeSpan.FromSeconds(20), "the management API counts one message in the error queue");
        Assert.Equal(retryLimit + 1, host.Observations.HandleCalls(poison.EventId));

        await host.WithDbAsync(async db =>
        {
            Assert.False(await db.Effects.AnyAsync(), "a failed attempt's change was committed");
            Assert.False(await db.Set<InboxMessage>().AnyAsync(), "a failed message was recorded as applied");
            // The publisher's side is done: the broker took the event, it is the consumer that failed.
            Assert.True(await db.Set<OutboxMessage>().AllAsync(m => m.PublishedAt != null));
        });
    }

    private static Task PublishCopyAsync<T>(IBus bus, T message) where T : CityEServices.Contracts.Events.IntegrationEvent =>
        bus.Publish(message, context => context.MessageId = message.EventId);
}
