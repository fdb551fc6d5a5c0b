namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Wakes a worker of this replica when its work is committed (see <see cref="CommitSignalInterceptor{TRow, TSignal}"/>),
/// so latency is not bound to the poll interval. Coalesces: many notifications while the worker is busy
/// make one more pass. Other replicas' work is found by polling. One subclass per kind of work.
/// </summary>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notification got there first; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// A worker's loop until <paramref name="stoppingToken"/> ends it: a <paramref name="pass"/>, again at
    /// once when it says it was full (more may be due right away), otherwise a wait for the next notification
    /// or <paramref name="pollInterval"/>. A failed pass is reported and its work, which stays where it is,
    /// is looked at again after the wait.
    /// </summary>
    public async Task RunPassesAsync(
        Func<CancellationToken, Task<bool>> pass, TimeSpan pollInterval, Action<Exception> passFailed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await pass(stoppingToken))
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                passFailed(e);
            }

            try
            {
                await WaitAsync(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
