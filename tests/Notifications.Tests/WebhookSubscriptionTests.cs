using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static WebhookSubscription New() => new()
    {
        Id = Guid.NewGuid(),
        ClientId = "bank",
        Url = "https://hooks.example.org/city",
        EventTypes = ["ir.tehran.city.urban-planning.file-opened"],
        Secret = WebhookSecret.New(),
        OwnerScopes = ["urban-planning.read", "webhooks"],
        CreatedAt = Now,
        CreatedBy = "client:bank",
    };

    [Fact]
    public void After_a_rotation_both_secrets_sign_until_the_overlap_ends_then_only_the_new_one()
    {
        var subscription = New();
        var old = subscription.Secret;

        subscription.RotateSecret(WebhookSecret.New(), Now, TimeSpan.FromHours(24));

        Assert.Equal([subscription.Secret, old], subscription.SigningSecrets(Now.AddHours(23)));
        Assert.Equal([subscription.Secret], subscription.SigningSecrets(Now.AddHours(24)));
    }

    [Fact]
    public void A_second_rotation_within_the_overlap_drops_the_oldest_secret()
    {
        var subscription = New();
        var first = subscription.Secret;
        subscription.RotateSecret(WebhookSecret.New(), Now, TimeSpan.FromHours(24));
        var second = subscription.Secret;

        subscription.RotateSecret(WebhookSecret.New(), Now.AddHours(1), TimeSpan.FromHours(24));

        Assert.Equal([subscription.Secret, second], subscription.SigningSecrets(Now.AddHours(2)));
        Assert.DoesNotContain(first, subscription.SigningSecrets(Now.AddHours(2)));
    }

    [Fact]
    public void Personal_data_goes_unmasked_only_to_a_client_holding_pii_read()
    {
        var subscription = New();
        Assert.False(subscription.MaySeePersonalData);

        subscription.OwnerScopes = ["urban-planning.read", "webhooks", "pii.read"];
        Assert.True(subscription.MaySeePersonalData);
    }
}
