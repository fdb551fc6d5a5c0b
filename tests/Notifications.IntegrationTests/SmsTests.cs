using System.Net;
using System.Text.Json;
using CityEServices.Notifications.IntegrationTests.Infrastructure;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>
/// SMS to the applicant through the provider adapter and the Development sink: one Persian message per
/// event that concerns them (file opened, each move of a request), quoting the tracking code the
/// file-opened event carried; a redelivered event sends nothing twice; a file without a mobile sends nothing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SmsTests(NotificationsService service, ITestOutputHelper output) : ServiceTest<NotificationsService>(service, output), IClassFixture<NotificationsService>
{
    private const string SinkPath = "/api/notifications/sms";

    [Fact]
    public async Task The_applicant_gets_one_Persian_message_per_change_with_the_tracking_code_and_none_twice_on_redelivery()
    {
        var fileNumber = Events.NewFileNumber();
        var mobile = NewMobile();
        var at = new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero);
        var opened = Events.FileOpened(fileNumber, at, mobile, trackingCode: "7K3M9QXW2HPRT");
        var review = Events.StatusChanged(fileNumber, "Submitted", "UnderReview", at.AddMinutes(5));
        using var admin = Service.CreateClient(TestTokens.Admin());

        await Service.PublishAsync(opened);
        await Service.PublishAsync(review);
        await WaitForAsync(admin, mobile, 2);
        // The same events again, as a broker redelivers them; then a new one, which is sent after them.
        await Service.PublishAsync(opened);
        await Service.PublishAsync(review);
        await Service.PublishAsync(Events.StatusChanged(fileNumber, "UnderReview", "FeeAssessed", at.AddMinutes(9)));
        var messages = await WaitForAsync(admin, mobile, 3);

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal("0" + mobile[3..], m.GetProperty("receptor").GetString()));
        Assert.All(messages, m => Assert.Contains("کد رهگیری: 7K3M9QXW2HPRT", m.GetProperty("message").GetString(), StringComparison.Ordinal));
        var texts = messages.Select(m => m.GetProperty("message").GetString()!).ToList();
        Assert.Single(texts, t => t.Contains("پرونده شهرسازی شما تشکیل شد", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("پروانه ساختمانی شما در حال بررسی است", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("عوارض درخواست پروانه ساختمانی شما تعیین شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_opened_without_a_mobile_texts_nobody()
    {
        var silent = Events.NewFileNumber();
        var at = new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero);
        using var admin = Service.CreateClient(TestTokens.Admin());

        await Service.PublishAsync(Events.FileOpened(silent, at, mobile: null));
        await Service.PublishAsync(Events.StatusChanged(silent, "Submitted", "UnderReview", at.AddMinutes(1)));
        // A file with a mobile, published after: once its message is in, the silent file's events were handled.
        var witness = NewMobile();
        var witnessFile = Events.NewFileNumber();
        await Service.PublishAsync(Events.FileOpened(witnessFile, at.AddMinutes(2), witness));
        await Service.PublishAsync(Events.StatusChanged(witnessFile, "Submitted", "UnderReview", at.AddMinutes(3)));
        await WaitForAsync(admin, witness, 2);

        // A status change heard before the opening waits for the contact; once it is known to have no mobile, nothing is sent.
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM sms_messages WHERE file_number = @f AND status <> 'NoMobile'", ("f", silent)) == 0,
            TimeSpan.FromSeconds(20), "nothing owed to the file without a mobile");
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM sms_messages WHERE file_number = @f AND (status = 'Sent' OR attempts > 0)", ("f", silent)));
    }

    /// <summary>The sink's messages to <paramref name="mobile"/>, once it holds at least <paramref name="count"/>.</summary>
    private static async Task<IReadOnlyList<JsonElement>> WaitForAsync(HttpClient admin, string mobile, int count)
    {
        IReadOnlyList<JsonElement> messages = [];
        await Eventually.UntilAsync(async () =>
        {
            var page = await (await admin.GetAsync($"{SinkPath}?mobile={Uri.EscapeDataString(mobile)}&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
            messages = page.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
            return messages.Count >= count;
        }, TimeSpan.FromSeconds(20), $"{count} SMS to {mobile} in the sink");
        return messages;
    }

    private static string NewMobile() => $"+98912{Random.Shared.Next(1_000_000, 9_999_999)}";
}
