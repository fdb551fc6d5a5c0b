namespace CityEServices.Faults.Tests;

/// <summary>
/// RabbitMQ stopped while files are being opened, long enough for urban planning's outbox relay to be
/// refused, then started again: opening a file needs no broker (the event waits in the outbox), and
/// once the broker is back every event arrives and is applied exactly once.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class BrokerOutageTests(FaultStackFixture stack)
{
    [Fact]
    public async Task Files_opened_while_the_broker_is_down_all_reach_the_archive_exactly_once()
    {
        // More properties than the outage needs: the stream is stopped once a file opened after it.
        var openings = await FileOpenings.PrepareAsync(stack, district: 21, count: 60);
        using var stop = new CancellationTokenSource();
        var load = openings.RunAsync(TimeSpan.FromMilliseconds(800), stop.Token);

        await openings.WaitUntilOpenedAsync(3, "the first files, before the broker stops");
        await stack.StopAsync("rabbitmq-server");
        try
        {
            await openings.WaitUntilOpenedAsync(openings.Opened.Count + 5, "files opened while the broker is down");
            await Eventually.UntilAsync(
                async () => await stack.ScalarAsync("urbanplanning", """
                    SELECT count(*) FROM outbox_messages
                    WHERE published_at IS NULL AND attempts > 0 AND payload->>'fileNumber' = ANY($1)
                    """, openings.Opened.ToArray()) > 0,
                TimeSpan.FromSeconds(60), "the outbox relay refused by the stopped broker, its events kept");
        }
        finally
        {
            await stack.StartAsync("rabbitmq-server");
        }

        await openings.WaitUntilOpenedAsync(openings.Opened.Count + 1, "a file opened after the broker came back");
        await stop.CancelAsync();
        await load;

        Assert.Empty(openings.Refused);
        await openings.AssertEveryFileReachedTheArchiveOnceAsync(TimeSpan.FromSeconds(90));
    }
}
