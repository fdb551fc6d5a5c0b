using System.Collections.Concurrent;
using CityEServices.Bench;

namespace CityEServices.Mix;

/// <summary>What the preparation made and the load keeps using: tokens, the office, properties and files.</summary>
internal sealed class World
{
    public required string Admin { get; init; }
    public required string Operator { get; init; }
    public required string Integrator { get; init; }
    public required string Office { get; init; }
    public required int Run { get; init; }

    /// <summary>Files opened during preparation: what tracking, property and file reads draw from.</summary>
    public List<(string RenovationCode, string Owner, string FileNumber, string TrackingCode)> Files { get; } = [];

    /// <summary>Registered properties without a file yet: each opening in the mix takes one (a property has at most one file).</summary>
    public ConcurrentQueue<(string RenovationCode, string Owner)> Unopened { get; } = new();

    /// <summary>Files the mix opened and that have no request yet: each request action takes one.</summary>
    public ConcurrentQueue<string> WithoutRequest { get; } = new();

    private int properties;

    /// <summary>Registers <paramref name="count"/> more properties, 8 at a time (unmeasured).</summary>
    public async Task RegisterPropertiesAsync(Gateway gateway, int count)
    {
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            Unopened.Enqueue(await Properties.RegisterAsync(gateway, Run, Interlocked.Increment(ref properties), Admin)));
    }
}
