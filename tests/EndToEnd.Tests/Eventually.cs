namespace CityEServices.EndToEnd.Tests;

public static class Eventually
{
    /// <summary>Polls until the probe returns a value, or fails naming what never happened.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what) where T : class
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"Waited {deadline.TotalSeconds:0} s for {what}; it never appeared.");
            }

            await Task.Delay(200);
        }
    }
}
