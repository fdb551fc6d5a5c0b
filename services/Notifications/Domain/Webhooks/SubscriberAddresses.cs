using System.Net;
using System.Net.Sockets;

namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>
/// Which addresses a webhook may be sent to: public unicast only. Loopback, private (RFC 1918),
/// link-local (cloud metadata lives there), unique-local IPv6, carrier-grade NAT, multicast,
/// unspecified and reserved ranges are inside someone's network, not a subscriber's endpoint — except
/// loopback when <c>allowLoopback</c> (Development: local subscribers and tests).
/// </summary>
public static class SubscriberAddresses
{
    private static readonly (IPAddress Network, int Prefix, string Why)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "unspecified ('this network')"),
        (IPAddress.Parse("10.0.0.0"), 8, "private (RFC 1918)"),
        (IPAddress.Parse("100.64.0.0"), 10, "carrier-grade NAT (RFC 6598)"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local"),
        (IPAddress.Parse("172.16.0.0"), 12, "private (RFC 1918)"),
        (IPAddress.Parse("192.0.0.0"), 24, "reserved for protocol assignments"),
        (IPAddress.Parse("192.168.0.0"), 16, "private (RFC 1918)"),
        (IPAddress.Parse("198.18.0.0"), 15, "reserved for benchmarking"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved (and broadcast)"),
    ];

    private static readonly (IPAddress Network, int Prefix, string Why)[] RefusedV6 =
    [
        (IPAddress.IPv6Any, 128, "unspecified"),
        (IPAddress.IPv6Loopback, 128, "loopback"),
        (IPAddress.Parse("fc00::"), 7, "unique-local"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
        (IPAddress.Parse("100::"), 64, "discard-only"),
    ];

    /// <summary>Why webhooks may not go to <paramref name="address"/>, or null when they may.</summary>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        // An IPv4 address written as IPv6 (::ffff:10.0.0.1), or behind NAT64 (64:ff9b::10.0.0.1), is judged as what it reaches.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && InPrefix(address, IPAddress.Parse("64:ff9b::"), 96))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        if (allowLoopback && IPAddress.IsLoopback(address))
        {
            return null;
        }

        var ranges = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusedV4,
            AddressFamily.InterNetworkV6 => RefusedV6,
            _ => null,
        };
        if (ranges is null)
        {
            return "not an IP address";
        }

        foreach (var (network, prefix, why) in ranges)
        {
            if (InPrefix(address, network, prefix))
            {
                return why;
            }
        }

        return null;
    }

    private static bool InPrefix(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var full = prefix / 8;
        for (var i = 0; i < full; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }

        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[full] & mask) == (n[full] & mask);
    }
}
