namespace CityEServices.Faults.Tests;

/// <summary>
/// The archive (a consumer) killed outright in the middle of a stream of file openings, then started
/// again: the events that queued up while it was gone, and any it had in hand, are applied once.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class ConsumerCrashTests(FaultStackFixture stack)
{
    [Fact]
    public async Task A_killed_archive_processes_its_backlog_once_after_restart()
    {
        var openings = await FileOpenings.PrepareAsync(stack, district: 20, count: 24);
        using var stop = new CancellationTokenSource();
        var load = openings.RunAsync(TimeSpan.FromMilliseconds(300), stop.Token);

        await openings.WaitUntilOpenedAsync(4, "the first files, before the archive is killed");
        await stack.KillAsync("archive");
        try
        {
            // Files keep opening while the archive is gone: their events queue up for it.
            await openings.WaitUntilOpenedAsync(openings.Opened.Count + 6, "files opened while the archive is down");
            Assert.False(stack.IsRunning("archive"));
        }
        finally
        {
            await stack.StartAsync("archive");
        }

        await load;

        Assert.Empty(openings.Refused);
        await openings.AssertEveryFileReachedTheArchiveOnceAsync(TimeSpan.FromSeconds(60));
    }
}
