namespace CityEServices.Messaging.Outbox;

/// <summary>
/// Wakes the relay when a transaction holding outbox rows commits, so publish latency is not bound
/// to the polling interval. Coalesces: many commits while the relay is busy make one more pass.
/// </summary>
public sealed class OutboxSignal
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
                // Another commit got there first; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
