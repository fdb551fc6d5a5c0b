using System.Net;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>Resolves a subscriber's host name; replaced in tests to play DNS rebinding.</summary>
public interface ISubscriberDns
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class SystemSubscriberDns : ISubscriberDns
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? Task.FromResult(new[] { literal })
            : Dns.GetHostAddressesAsync(host, cancellationToken);
}
