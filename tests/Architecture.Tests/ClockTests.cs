using System.Text.RegularExpressions;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// The services, the gateway and the shared libraries read time from a <c>TimeProvider</c>, never from
/// the machine's clock directly: a test moves a <c>FakeTimeProvider</c> and every part of the code sees
/// the same moment. (The command-line tools under <c>tools/</c> measure their own runs and are not held to it.)
/// </summary>
public sealed partial class ClockTests
{
    [Fact]
    public void Production_code_reads_time_only_through_a_time_provider()
    {
        var offences = SourceFiles.Under("services")
            .Concat(SourceFiles.Under("gateway"))
            .Concat(SourceFiles.Under("ServiceDefaults"))
            .Concat(SourceFiles.Under("AppHost"))
            .SelectMany(file => WallClockReads(File.ReadAllText(file)).Select(found => $"{SourceFiles.Relative(file)}: {found}"))
            .ToList();

        Assert.True(offences.Count == 0, "Take a TimeProvider (TimeProvider.System in production) instead:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_check_sees_a_wall_clock_read_when_there_is_one()
    {
        Assert.NotEmpty(WallClockReads("var now = DateTimeOffset.UtcNow;"));
        Assert.NotEmpty(WallClockReads("public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;"));
        Assert.NotEmpty(WallClockReads("if (DateTime.Now > deadline)"));
        Assert.NotEmpty(WallClockReads("private long _touched = Environment.TickCount64;"));
        Assert.Empty(WallClockReads("var now = time.GetUtcNow();"));
        Assert.Empty(WallClockReads("var started = time.GetTimestamp();"));
    }

    public static IEnumerable<string> WallClockReads(string source) => WallClockPattern().Matches(source).Select(m => m.Value);

    [GeneratedRegex(@"\b(DateTime(Offset)?\.(Utc)?Now|Environment\.TickCount(64)?)\b")]
    private static partial Regex WallClockPattern();
}
