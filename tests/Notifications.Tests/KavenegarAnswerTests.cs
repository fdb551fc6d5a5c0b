using CityEServices.Notifications.Infrastructure;

namespace CityEServices.Notifications.Tests;

public class KavenegarAnswerTests
{
    [Fact]
    public void An_accepted_send_gives_the_providers_message_id()
    {
        var result = KavenegarSmsProvider.Interpret(200, """{"return":{"status":200,"message":"تایید شد"},"entries":[{"messageid":8792343,"status":5}]}""");

        Assert.Equal(new SmsSendResult.Sent("8792343"), result);
    }

    [Theory]
    [InlineData(411)]
    [InlineData(413)]
    public void A_number_or_text_the_provider_will_never_take_is_refused_for_good(int status) =>
        Assert.IsType<SmsSendResult.Refused>(KavenegarSmsProvider.Interpret(status, $$"""{"return":{"status":{{status}},"message":"x"},"entries":null}"""));

    [Theory]
    [InlineData(418, """{"return":{"status":418,"message":"اعتبار کافی نیست"},"entries":null}""")]
    [InlineData(403, """{"return":{"status":403,"message":"کلید نامعتبر"},"entries":null}""")]
    [InlineData(502, "<html>Bad gateway</html>")]
    [InlineData(200, """{"return":{"status":200,"message":"ok"},"entries":[]}""")]
    public void Anything_else_is_tried_again(int status, string body) =>
        Assert.IsType<SmsSendResult.Retry>(KavenegarSmsProvider.Interpret(status, body));
}
