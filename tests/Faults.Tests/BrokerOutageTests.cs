namespace CityEServices.Faults.Tests;

/// <summary>
/// RabbitMQ stopped for 20 s while files are being opened, then started again: opening a file needs
/// no broker (the event waits in the outbox), and once the broker is back every event arrives and is
/// applied exactly once.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class BrokerOutageTests(FaultStackFixture stack)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Files_opened_while_the_broker_is_down_all_reach_the_archive_exactly_once()
    {
        var openings = await FileOpenings.PrepareAsync(stack, district: 21, count: 30);
        using var stop = new CancellationTokenSource();
        var load = openings.RunAsync(TimeSpan.FromMilliseconds(800), stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stack.StopAsync("rabbitmq-server");
        try
        {
            await Task.Delay(Outage);
            Assert.NotEmpty(openings.Opened);
        }
        finally
        {
            await stack.StartAsync("rabbitmq-server");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await load;

        Assert.Empty(openings.Refused);
        await openings.AssertEveryFileReachedTheArchiveOnceAsync(TimeSpan.FromSeconds(90));
    }
}
