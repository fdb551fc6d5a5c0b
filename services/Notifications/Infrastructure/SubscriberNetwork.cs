using System.Net;
using System.Net.Sockets;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>
/// Server-side request forgery stops here: webhooks go to public addresses only, checked when a
/// subscription is made (every address the host resolves to) and again on every connection, on the
/// address actually connected (<see cref="ConnectAsync"/>), so a host that resolves to a public address
/// at subscription and to 10.0.0.5 or 169.254.169.254 later (DNS rebinding) is still refused.
/// Loopback is allowed in Development only (local subscribers, tests).
/// </summary>
public sealed class SubscriberNetwork(IHostEnvironment environment, ISubscriberDns dns)
{
    public bool AllowLoopback { get; } = environment.IsDevelopment();

    /// <summary>Why the URL's host may not receive webhooks, or null when every address it resolves to may.</summary>
    public async Task<string?> CheckHostAsync(Uri url, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await dns.ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"url's host {url.Host} could not be resolved.";
        }

        if (addresses.Length == 0)
        {
            return $"url's host {url.Host} has no address.";
        }

        foreach (var address in addresses)
        {
            if (SubscriberAddresses.Refusal(address, AllowLoopback) is { } why)
            {
                return $"url's host {url.Host} resolves to {address}, a {why} address; webhooks go to public addresses only.";
            }
        }

        return null;
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: resolves, skips every refused address, connects to the first allowed one that answers.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await dns.ResolveAsync(endpoint.Host, cancellationToken);
        var refused = new List<string>();
        Exception? failure = null;
        foreach (var address in addresses)
        {
            if (SubscriberAddresses.Refusal(address, AllowLoopback) is { } why)
            {
                refused.Add($"{address} ({why})");
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (failure is not null)
        {
            throw failure;
        }

        throw new SubscriberAddressRefusedException(
            $"{endpoint.Host} resolves only to addresses webhooks may not reach: {string.Join(", ", refused)}");
    }
}

/// <summary>A delivery's connection refused because the subscriber's host now points inside a network.</summary>
public sealed class SubscriberAddressRefusedException(string message) : IOException(message);
