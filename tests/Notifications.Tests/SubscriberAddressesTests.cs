using System.Net;
using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class SubscriberAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.5", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    public void Refuses_addresses_inside_a_network(string address, string why)
    {
        var refusal = SubscriberAddresses.Refusal(IPAddress.Parse(address), allowLoopback: false);

        Assert.NotNull(refusal);
        Assert.Contains(why, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("185.143.232.10")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:93.184.216.34")]
    public void Allows_public_addresses(string address) =>
        Assert.Null(SubscriberAddresses.Refusal(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Allows_loopback_only_when_told_to(string address) =>
        Assert.Null(SubscriberAddresses.Refusal(IPAddress.Parse(address), allowLoopback: true));

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("169.254.169.254")]
    [InlineData("fd00::1")]
    public void Allowing_loopback_allows_nothing_else(string address) =>
        Assert.NotNull(SubscriberAddresses.Refusal(IPAddress.Parse(address), allowLoopback: true));
}
