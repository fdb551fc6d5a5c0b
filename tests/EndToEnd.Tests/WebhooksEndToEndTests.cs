using System.Net;
using System.Text;
using CityEServices.TestSupport.Webhooks;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Through the gateway, with every service real (issue 17): an integrator subscribes a loopback endpoint,
/// an operator opens a file, and the integrator receives the CloudEvent signed with its secret and
/// without the applicant's national ID (it has no pii.read); notifications shows the delivery as done.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class WebhooksEndToEndTests(CityStackFixture stack)
{
    private const string FileOpened = "ir.tehran.city.urban-planning.file-opened";

    [Fact]
    public async Task An_integrator_hears_of_a_file_opened_in_a_signed_cloud_event_without_the_applicants_national_id()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var client = await gateway.PostAsJsonAsync("/api/identity/clients", new
        {
            displayName = "Tehran Electricity (webhooks)",
            scopes = new[] { "webhooks", "urban-planning.read" },
        }, admin).ExpectAsync(HttpStatusCode.Created);
        var token = await RoleTokens.ClientCredentialsTokenAsync(gateway, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await gateway.PostAsJsonAsync("/api/webhooks/subscriptions", new
        {
            url = receiver.Url,
            eventTypes = new[] { FileOpened },
            description = "end-to-end",
        }, token).ExpectAsync(HttpStatusCode.Created);
        var secret = subscription["secret"]!.GetValue<string>();

        var world = await SampleWorld.CreateAsync(gateway, admin, district: 6);
        var fileNumber = (await gateway.OpenFileAsync(world))["fileNumber"]!.GetValue<string>();

        await Eventually.UntilAsync(() => Task.FromResult(receiver.Arrivals.Any(a => a.Subject == fileNumber)),
            TimeSpan.FromSeconds(30), $"the file-opened event of {fileNumber} at the subscriber");
        var arrival = receiver.Arrivals.First(a => a.Subject == fileNumber);
        Assert.Equal(FileOpened, arrival.Type);
        Assert.Equal("1.0", arrival.CloudEvent.GetProperty("specversion").GetString());
        Assert.StartsWith("application/cloudevents+json", arrival.ContentType);
        Assert.Equal(fileNumber, arrival.CloudEvent.GetProperty("data").GetProperty("fileNumber").GetString());
        Assert.True(arrival.VerifiesWith(secret), "the signature verifies with the subscription's secret");
        var forged = arrival with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(arrival.Body).Replace(fileNumber, "UP-0-0", StringComparison.Ordinal)) };
        Assert.False(forged.VerifiesWith(secret), "an altered body does not verify");
        Assert.DoesNotContain(world.ApplicantNationalId, Encoding.UTF8.GetString(arrival.Body), StringComparison.Ordinal);

        // Notifications records the delivery done with the subscriber's answer, under the same webhook-id.
        var id = subscription["id"]!.ToString();
        await Eventually.UntilAsync(async () =>
        {
            var deliveries = await gateway.GetAsync($"/api/webhooks/subscriptions/{id}/deliveries?status=Delivered", token).ExpectAsync(HttpStatusCode.OK);
            return deliveries.ToJsonString().Contains(arrival.WebhookId, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(15), "the delivery listed as delivered");
    }
}
