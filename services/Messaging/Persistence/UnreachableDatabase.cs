using System.Net.Sockets;
using Npgsql;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Waiting for a database that is not up yet, written once: at start-up a pod may come before its
/// server, or before its database is created, and that is worth waiting out; any other error is a
/// real failure and fails at once, unless the caller names its own retryable errors (the start-up
/// migration does). Time comes only from the <see cref="TimeProvider"/>, so tests can
/// drive the backoff with a fake clock.
/// </summary>
public static class UnreachableDatabase
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="work"/> until it succeeds, waiting with backoff while the database is
    /// unreachable (<see cref="IsUnreachable"/>, or <paramref name="retryable"/> when given). When the next wait would end past
    /// <paramref name="patience"/> the last error is thrown as it was. <paramref name="onRetry"/>
    /// hears of each retry: the failed attempt's number, the wait ahead and the error.
    /// </summary>
    public static async Task WhileUnreachableAsync(
        Func<Task> work,
        TimeSpan patience,
        TimeProvider time,
        Action<int, TimeSpan, Exception> onRetry,
        CancellationToken cancellationToken,
        Func<Exception, bool>? retryable = null)
    {
        retryable ??= IsUnreachable;
        var deadline = time.GetUtcNow() + patience;
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            Task wait;
            try
            {
                await work();
                return;
            }
            catch (Exception error) when (retryable(error) && time.GetUtcNow() + delay <= deadline && !cancellationToken.IsCancellationRequested)
            {
                // The timer starts before the retry is reported: whoever moves a fake clock on hearing of it cannot miss it.
                wait = Task.Delay(delay, time, cancellationToken);
                onRetry(attempt, delay, error);
            }

            await wait;
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    /// <summary>
    /// True when <paramref name="exception"/> or one it wraps says the server cannot be reached (yet),
    /// or that the database does not exist yet (3D000): the pod may start before its database is created.
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName }
                or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
