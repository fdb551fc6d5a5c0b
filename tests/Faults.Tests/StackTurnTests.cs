using System.Collections.Concurrent;
using CityEServices.Stack;

namespace CityEServices.Faults.Tests;

/// <summary>Test stacks take turns: a second one waits while the first holds the turn, and starts when it is given back.</summary>
public sealed class StackTurnTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"stack-turn-{Guid.NewGuid():N}", "test-stack.turn");

    [Fact(Timeout = 30_000)]
    public async Task A_second_stack_waits_until_the_first_gives_its_turn_back()
    {
        var said = new ConcurrentQueue<string>();
        var first = await StackTurn.WaitAsync(_path, "first", said.Enqueue, CancellationToken.None);

        var second = StackTurn.WaitAsync(_path, "second", said.Enqueue, CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(said.Any(line => line.StartsWith("second: another test stack is running", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(10), "the second stack to say it waits");
        Assert.False(second.IsCompleted, "the second stack got the turn while the first held it");

        await first.DisposeAsync();
        await using var turn = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(said, line => line.StartsWith("first:", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
}
