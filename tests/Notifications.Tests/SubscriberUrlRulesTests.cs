using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class SubscriberUrlRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.org/city")]
    [InlineData("https://hooks.example.org:8443/city?key=1")]
    [InlineData("https://93.184.216.34/hook")]
    public void Takes_https_urls(string url)
    {
        Assert.NotNull(SubscriberUrlRules.Check(url, allowLoopback: false, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("hooks.example.org/city", "absolute")]
    [InlineData("/city", "absolute")]
    [InlineData("http://hooks.example.org/city", "https")]
    [InlineData("ftp://hooks.example.org/city", "https")]
    [InlineData("http://127.0.0.1:5000/hook", "https")]
    [InlineData("https://user:secret@hooks.example.org/city", "credentials")]
    [InlineData("https://hooks.example.org/city#part", "fragment")]
    [InlineData("https://10.0.0.5/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://[fd00::1]/hook", "unique-local")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://100.64.1.1/hook", "carrier-grade NAT")]
    [InlineData("https://0.0.0.0/hook", "unspecified")]
    public void Refuses_everything_else_outside_Development(string? url, string why)
    {
        Assert.Null(SubscriberUrlRules.Check(url, allowLoopback: false, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("https://127.0.0.1:5001/hook")]
    public void Development_takes_loopback_subscribers(string url) =>
        Assert.NotNull(SubscriberUrlRules.Check(url, allowLoopback: true, out _));

    [Theory]
    [InlineData("http://hooks.example.org/city", "https")]
    [InlineData("http://10.0.0.5/hook", "https")]
    [InlineData("https://192.168.0.10/hook", "private")]
    public void Development_still_refuses_plain_http_and_private_addresses(string url, string why)
    {
        Assert.Null(SubscriberUrlRules.Check(url, allowLoopback: true, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }
}
