using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using CityEServices.Contracts.Security;

namespace CityEServices.Gateway.Proxy;

public static class Callers
{
    /// <summary>
    /// Who the caller is, for rate limits and idempotency keys: a person by their subject, an
    /// integrator by its client id. A staff token also names the application it was issued to
    /// (<c>client_id</c> = city-cli or city-staff), which every staff member shares, so a client is
    /// recognised only by a token whose subject is the client itself (client credentials).
    /// </summary>
    public static string? Identify(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(CityClaims.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        return user.FindFirstValue(CityClaims.ClientId) == subject ? "client:" + subject : "user:" + subject;
    }

    /// <summary>
    /// The partition of an anonymous caller: its IPv4 address, or the /64 network of an IPv6 one (a
    /// single household or phone is handed a whole /64, and could otherwise take a fresh address for
    /// every request).
    /// </summary>
    public static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
