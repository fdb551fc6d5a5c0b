using System.Text;
using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class WebhookSignatureTests
{
    [Fact]
    public void Signs_the_Standard_Webhooks_specifications_example_as_it_says()
    {
        // The example of the Standard Webhooks specification (secret, id, timestamp, body and the signature it gives).
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

        var signature = WebhookSignature.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, WebhookSecret.KeyOf(secret));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void During_a_rotation_the_header_carries_both_signatures_and_each_secret_verifies()
    {
        var (current, previous) = (WebhookSecret.New(), WebhookSecret.New());
        var body = Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\"}");

        var header = WebhookSignature.Header("msg_1", 1_780_000_000, body, [current, previous]);

        Assert.Equal(2, header.Split(' ').Length);
        Assert.All(header.Split(' '), s => Assert.StartsWith("v1,", s));
        Assert.True(WebhookSignature.Verify(header, "msg_1", 1_780_000_000, body, current));
        Assert.True(WebhookSignature.Verify(header, "msg_1", 1_780_000_000, body, previous));
    }

    [Fact]
    public void A_signature_does_not_verify_with_another_secret_id_timestamp_or_body()
    {
        var secret = WebhookSecret.New();
        var body = Encoding.UTF8.GetBytes("{}");
        var header = WebhookSignature.Header("msg_1", 1_780_000_000, body, [secret]);

        Assert.False(WebhookSignature.Verify(header, "msg_1", 1_780_000_000, body, WebhookSecret.New()));
        Assert.False(WebhookSignature.Verify(header, "msg_2", 1_780_000_000, body, secret));
        Assert.False(WebhookSignature.Verify(header, "msg_1", 1_780_000_001, body, secret));
        Assert.False(WebhookSignature.Verify(header, "msg_1", 1_780_000_000, Encoding.UTF8.GetBytes("{ }"), secret));
    }
}
