using System.Diagnostics;

namespace CityEServices.TestSupport;

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        // Real waiting, on the monotonic clock: a wall-clock step must not cut a wait short or stretch it.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"Not within {timeout.TotalSeconds:F0} s: {what}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Awaits <paramref name="task"/>, failing the test instead of hanging when it takes longer than <paramref name="timeout"/>.</summary>
    public static Task WithinAsync(Task task, TimeSpan timeout, string what) => WithinAsync(task, timeout, () => what);

    /// <summary>As above, with a description made only on failure (a server's output as it is then).</summary>
    public static async Task WithinAsync(Task task, TimeSpan timeout, Func<string> what)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout)) != task)
        {
            Assert.Fail($"Not within {timeout.TotalSeconds:F0} s: {what()}");
        }

        await task;
    }

    /// <summary>Awaits <paramref name="task"/>, failing the test instead of hanging when it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout)) != task)
        {
            Assert.Fail($"Not within {timeout.TotalSeconds:F0} s: {what}");
        }

        return await task;
    }

    /// <summary>Polls until the probe returns a value, or fails naming what never happened.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what) where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (waited.Elapsed > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Waited {deadline.TotalSeconds:0} s for {what}; it never appeared.");
            }

            await Task.Delay(200);
        }
    }
}
