namespace CityEServices.Notifications.Infrastructure;

/// <summary>
/// Wakes a worker of this replica when new work is committed (or a finished attempt lets the next one
/// of its subject go), so latency is not bound to the poll interval. Coalesces: many notifications
/// while the worker is busy make one more pass. Other replicas' work is found by polling.
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

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>New or unblocked webhook deliveries.</summary>
public sealed class DeliverySignal : WorkSignal;

/// <summary>New SMS to send.</summary>
public sealed class SmsSignal : WorkSignal;
