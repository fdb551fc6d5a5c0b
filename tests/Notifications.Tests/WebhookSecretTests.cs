using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class WebhookSecretTests
{
    [Fact]
    public void A_new_secret_is_whsec_and_the_base64_of_random_bytes_within_the_specs_24_to_64()
    {
        var secret = WebhookSecret.New();

        Assert.StartsWith("whsec_", secret);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        Assert.InRange(key.Length, 24, 64);
        Assert.NotEqual(secret, WebhookSecret.New());
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_AAAA")]
    public void Anything_else_is_not_a_secret(string text) => Assert.False(WebhookSecret.TryGetKey(text, out _));

    [Fact]
    public void Webhook_ids_are_stable_per_event_and_subscription_and_differ_between_subscriptions()
    {
        var (subscription, other, evt) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(WebhookIds.For(subscription, evt), WebhookIds.For(subscription, evt));
        Assert.NotEqual(WebhookIds.For(subscription, evt), WebhookIds.For(other, evt));
        Assert.NotEqual(WebhookIds.For(subscription, evt), WebhookIds.For(subscription, Guid.NewGuid()));
        Assert.Matches("^msg_[0-9a-f]{32}$", WebhookIds.For(subscription, evt));
    }
}
