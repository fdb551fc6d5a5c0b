using CityEServices.Messaging.Inbox;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Messaging.Tests;

[Collection(ServersCollection.Name)]
public sealed class OutboxTests(Servers servers, ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task State_change_and_event_commit_together_or_not_at_all()
    {
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>());

        var committed = Events.FileOpened("atomic-1");
        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Name = "alpha" });
            db.PublishOnCommit(committed);
            await db.SaveChangesAsync();
        });

        await host.WithDbAsync(async db =>
        {
            Assert.True(await db.Widgets.AnyAsync(w => w.Name == "alpha"));
            var row = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == committed.EventId);
            Assert.Equal(typeof(CityEServices.Contracts.Events.UrbanPlanningFileOpened).FullName, row.MessageType);
            Assert.Equal("corr-atomic-1", row.CorrelationId);
        });

        // A save that fails (unique name) after the event was queued: neither the state nor the event.
        var failed = Events.FileOpened("atomic-failed");
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Name = "alpha" });
            db.PublishOnCommit(failed);
            await db.SaveChangesAsync();
        }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);

        // A save inside an explicit transaction that is then rolled back: neither, either.
        var abandoned = Events.FileOpened("atomic-abandoned");
        await host.WithDbAsync(async db =>
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Widgets.Add(new Widget { Name = "beta" });
                db.PublishOnCommit(abandoned);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        });

        // A later commit goes through the relay after both failures; once it has been consumed, the
        // relay has looked at the outbox since, and anything it had found would have been delivered.
        var later = Events.FileOpened("atomic-2");
        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Name = "gamma" });
            db.PublishOnCommit(later);
            await db.SaveChangesAsync();
        });

        await Eventually.WithinAsync(host.Observations.WhenHandled(committed.EventId), TimeSpan.FromSeconds(20), "the committed event is consumed");
        await Eventually.WithinAsync(host.Observations.WhenHandled(later.EventId), TimeSpan.FromSeconds(20), "the later event is consumed");
        await Eventually.UntilAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.PublishedAt != null)),
            TimeSpan.FromSeconds(10), "both outbox rows are marked published");
        await Eventually.UntilAsync(() => Task.FromResult(host.Observations.Deliveries(later.EventId) == 1),
            TimeSpan.FromSeconds(10), "the later event's delivery has finished");

        await host.WithDbAsync(async db =>
        {
            Assert.Equal(["alpha", "gamma"], await db.Widgets.OrderBy(w => w.Name).Select(w => w.Name).ToListAsync());
            Assert.Equal(
                new[] { committed.EventId, later.EventId }.Order(),
                (await db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync()).Order());
            Assert.Equal(
                new[] { committed.EventId, later.EventId }.Order(),
                (await db.Effects.Select(e => e.EventId).ToListAsync()).Order());
            Assert.Equal(2, await db.Set<InboxMessage>().CountAsync());
        });

        foreach (var never in new[] { failed, abandoned })
        {
            Assert.Equal(0, host.Observations.Deliveries(never.EventId));
            Assert.Equal(0, host.Observations.HandleCalls(never.EventId));
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task An_event_stamped_in_local_time_is_stored_in_utc_and_published()
    {
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>());
        // Tehran time, as a service might stamp it; timestamptz accepts only UTC offsets.
        var occurredAt = new DateTimeOffset(2025, 3, 21, 12, 0, 0, TimeSpan.FromHours(3.5));
        var integrationEvent = Events.FileOpened("tehran-1") with { OccurredAt = occurredAt };

        await host.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Name = "tehran-1" });
            db.PublishOnCommit(integrationEvent);
            await db.SaveChangesAsync();
        });

        await Eventually.WithinAsync(host.Observations.WhenHandled(integrationEvent.EventId), TimeSpan.FromSeconds(20), "the event is consumed");
        var row = await host.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync());
        Assert.Equal(occurredAt, row.OccurredAt);
        Assert.Equal(TimeSpan.Zero, row.OccurredAt.Offset);
    }

    [Fact(Timeout = 120_000)]
    public async Task Events_written_while_the_broker_is_down_all_arrive_once_it_is_back()
    {
        const int count = 50;
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>());
        var events = Enumerable.Range(0, count).Select(i => Events.FileOpened($"outage-{i}")).ToList();

        await servers.RabbitMq.StopAsync();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var integrationEvent = events[i];
                var name = $"outage-{i}";
                // Each save succeeds with the broker gone: the outbox needs only the database.
                await host.WithDbAsync(async db =>
                {
                    db.Widgets.Add(new Widget { Name = name });
                    db.PublishOnCommit(integrationEvent);
                    await db.SaveChangesAsync();
                });
            }

            await Eventually.UntilAsync(
                () => host.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0 && m.LastError != null)),
                TimeSpan.FromSeconds(20), "the relay tries to publish, fails, and records why");
            await host.WithDbAsync(async db =>
            {
                Assert.Equal(count, await db.Widgets.CountAsync());
                Assert.Equal(count, await db.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null));
            });
        }
        finally
        {
            await servers.RabbitMq.StartAgainAsync();
        }

        await Eventually.UntilAsync(() => host.WithDbAsync(db => db.Effects.CountAsync().ContinueWith(t => t.Result >= count)),
            TimeSpan.FromSeconds(60), $"all {count} events consumed after the broker came back");
        await Eventually.UntilAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.PublishedAt != null)),
            TimeSpan.FromSeconds(15), "every outbox row marked published");

        await host.WithDbAsync(async db =>
        {
            var applied = await db.Effects.Select(e => e.EventId).ToListAsync();
            Assert.Equal(count, applied.Count);
            Assert.Equal(events.Select(e => e.EventId).Order(), applied.Order());
            Assert.Equal(count, await db.Set<InboxMessage>().CountAsync());
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_commit_wakes_the_relay_without_waiting_for_the_poll()
    {
        // A 30 s poll: anything arriving within seconds was woken by the commit.
        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>(),
            new Dictionary<string, string?> { ["Messaging:Outbox:PollInterval"] = "00:00:30" });
        // Commit to consume is tens of milliseconds; the bound leaves room for a loaded 2-core machine.
        var bound = TimeSpan.FromSeconds(5);

        for (var i = 0; i < 4; i++)
        {
            // The relay's pass over the earlier events is done (their rows marked published): it sleeps for the long poll.
            await Eventually.UntilAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.PublishedAt != null)),
                TimeSpan.FromSeconds(10), "the relay's pass over the earlier events");
            var integrationEvent = Events.FileOpened($"wake-{i}");
            var explicitTransaction = i % 2 == 1;
            await host.WithDbAsync(async db =>
            {
                var strategy = db.Database.CreateExecutionStrategy();
                await strategy.ExecuteAsync(async () =>
                {
                    // Both ways a service commits: SaveChanges' own transaction, and an explicit one.
                    await using var transaction = explicitTransaction ? await db.Database.BeginTransactionAsync() : null;
                    db.Widgets.Add(new Widget { Name = $"wake-{i}" });
                    db.PublishOnCommit(integrationEvent);
                    await db.SaveChangesAsync();
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync();
                    }
                });
            });

            await Eventually.WithinAsync(host.Observations.WhenHandled(integrationEvent.EventId), bound,
                $"event {i} ({(explicitTransaction ? "explicit" : "implicit")} transaction) consumed after its commit, with the poll 30 s away");
        }
    }
}
