using System.Text.RegularExpressions;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// Tests wait for a condition with a deadline (TestSupport's Eventually), never for a fixed time: a
/// sleep is too short on a loaded machine and wasted on an idle one.
/// </summary>
public sealed partial class TestWaitTests
{
    /// <summary>The few places a delay is not a test waiting, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["tests/TestSupport/Eventually.cs"] = "the polling interval of the one wait every test uses",
        ["tests/TestSupport/ServerProcess.cs"] = "the polling interval while a server process starts",
        ["tests/TestSupport/Integration/ServiceFactory.cs"] = "the polling interval while a service's bus binds its queues",
        ["tests/Gateway.Tests/Infrastructure/FakeService.cs"] = "a fake upstream that is slow on purpose, to test the gateway's timeouts",
        ["tests/Notifications.IntegrationTests/Infrastructure/Subscriber.cs"] = "a webhook subscriber that hangs on purpose until the sender gives up",
    };

    [Fact]
    public void No_test_waits_for_a_fixed_time()
    {
        var offences = SourceFiles.Under("tests")
            .Where(file => !Allowed.ContainsKey(SourceFiles.Relative(file)))
            .Where(file => !SourceFiles.Relative(file).StartsWith("tests/Architecture.Tests/", StringComparison.Ordinal))
            .SelectMany(file => FixedWaits(File.ReadAllText(file)).Select(found => $"{SourceFiles.Relative(file)}: {found}"))
            .ToList();

        Assert.True(offences.Count == 0, "Poll a condition with Eventually.UntilAsync instead:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_check_sees_a_sleep_when_there_is_one()
    {
        Assert.NotEmpty(FixedWaits("await Task.Delay(500);"));
        Assert.NotEmpty(FixedWaits("Thread.Sleep(TimeSpan.FromSeconds(1));"));
        Assert.NotEmpty(FixedWaits("await Task.Delay(interval * 2, token);"));
        Assert.Empty(FixedWaits("await Eventually.UntilAsync(() => Ready(), TimeSpan.FromSeconds(5), \"ready\");"));
    }

    [Fact]
    public void Every_allowed_file_still_exists()
    {
        Assert.All(Allowed.Keys, path => Assert.True(File.Exists(Path.Combine(TestSupport.RepositoryPaths.Root, path)), $"{path} is allowed a delay but no longer exists; drop it from the list."));
    }

    public static IEnumerable<string> FixedWaits(string source) => FixedWaitPattern().Matches(source).Select(m => m.Value);

    [GeneratedRegex(@"\b(Task\.Delay|Thread\.Sleep)\s*\(")]
    private static partial Regex FixedWaitPattern();
}
