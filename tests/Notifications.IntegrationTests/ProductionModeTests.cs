using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Notifications.IntegrationTests.Infrastructure;
using static CityEServices.Notifications.IntegrationTests.Infrastructure.Webhooks;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>The service as deployed: loopback and private subscribers refused, DNS rebinding refused at delivery, no SMS sink.</summary>
[Collection(ServersCollection.Name)]
public sealed class ProductionModeTests(ProductionNotificationsService service, ITestOutputHelper output) : ServiceTest<ProductionNotificationsService>(service, output), IClassFixture<ProductionNotificationsService>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "https")]
    [InlineData("http://localhost:8080/hook", "https")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://10.20.30.40/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    public async Task A_subscription_to_a_loopback_or_private_address_is_refused(string url, string why)
    {
        var (clientId, token) = NewClient(Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);

        var errors = await (await client.SubscribeAsync(url, [FileOpened])).AssertValidationProblemAsync();

        Assert.Contains(why, errors.GetProperty("url")[0].GetString());
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM webhook_subscriptions WHERE client_id = @c", ("c", clientId)));
    }

    [Fact]
    public async Task A_host_that_rebinds_to_loopback_after_subscribing_is_refused_at_delivery_and_nothing_reaches_it()
    {
        // Something is listening on loopback, as an internal service would be.
        await using var inside = await Subscriber.StartAsync();
        Service.Dns.Answer("rebind.test", "93.184.216.34");
        var subscription = await Service.SubscribeAsync($"https://rebind.test:{inside.Port}/hook", [FileOpened]);

        Service.Dns.Answer("rebind.test", "127.0.0.1");
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), DateTimeOffset.UtcNow));

        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(subscription.Id)).Any(d => d.Attempts >= 1), TimeSpan.FromSeconds(20),
            "the delivery is attempted");
        var delivery = (await Service.DeliveriesAsync(subscription.Id)).Single();
        Assert.Equal("Pending", delivery.Status);
        Assert.Contains("127.0.0.1 (loopback)", delivery.LastError, StringComparison.Ordinal);
        Assert.Null(delivery.LastStatusCode);
        Assert.Empty(inside.All);
    }

    [Fact]
    public async Task The_SMS_sink_does_not_exist_outside_Development()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        await (await admin.GetAsync("/api/notifications/sms")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = Service.CreateClient();
        var send = await anonymous.PostAsync($"/sms-sink/v1/{NotificationsService.SmsApiKey}/sms/send.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["receptor"] = "09121234567", ["message"] = "x" }));
        Assert.Contains(send.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized });
        // The send queue, which every environment has, is still the admins'.
        await (await admin.GetAsync("/api/notifications/sms/messages")).AssertJsonAsync(HttpStatusCode.OK);
    }
}
