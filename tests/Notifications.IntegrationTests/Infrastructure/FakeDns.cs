using System.Collections.Concurrent;
using System.Net;
using CityEServices.Notifications.Infrastructure;

namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>
/// Answers for the test's own host names (<c>*.test</c>), which a test may change between the
/// subscription and the delivery (DNS rebinding); every other name goes to the system resolver.
/// </summary>
public sealed class FakeDns : ISubscriberDns
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly SystemSubscriberDns _system = new();

    public void Answer(string host, params string[] addresses) => _answers[host] = [.. addresses.Select(IPAddress.Parse)];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        _answers.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : _system.ResolveAsync(host, cancellationToken);
}
