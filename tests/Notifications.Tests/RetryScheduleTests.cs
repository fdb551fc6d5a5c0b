using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class RetryScheduleTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), TimeSpan.FromHours(72));
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(11, 1024)]
    [InlineData(13, 3600)]
    [InlineData(500, 3600)]
    public void The_ceiling_doubles_per_failure_up_to_the_maximum(int attempts, double ceilingSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds), RetrySchedule.Delay(attempts, Policy, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2), RetrySchedule.Delay(attempts, Policy, 0.5));
    }

    [Fact]
    public void Full_jitter_spreads_a_wait_over_the_whole_range_down_to_zero()
    {
        Assert.Equal(TimeSpan.Zero, RetrySchedule.Delay(5, Policy, 0.0));
        var draws = Enumerable.Range(0, 200).Select(_ => RetrySchedule.Delay(5, Policy, Random.Shared.NextDouble())).ToList();
        Assert.All(draws, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(16)));
        Assert.True(draws.Distinct().Count() > 100, "the waits of simultaneous failures must differ");
    }

    [Fact]
    public void Retries_stop_after_RetryFor_and_the_last_one_falls_at_its_end()
    {
        var deadline = Start + Policy.RetryFor;

        Assert.Equal(deadline, RetrySchedule.Next(40, Start, deadline - TimeSpan.FromMinutes(10), Policy, 1.0));
        Assert.Null(RetrySchedule.Next(41, Start, deadline, Policy, 0.5));
        Assert.Null(RetrySchedule.Next(41, Start, deadline.AddMinutes(3), Policy, 0.5));
    }

    [Fact]
    public void Within_the_window_the_next_attempt_is_now_plus_the_jittered_delay()
    {
        var now = Start.AddMinutes(5);

        Assert.Equal(now + TimeSpan.FromSeconds(2), RetrySchedule.Next(3, Start, now, Policy, 0.5));
    }
}
