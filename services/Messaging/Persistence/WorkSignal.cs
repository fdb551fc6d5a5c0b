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
}
