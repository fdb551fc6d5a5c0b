using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Events;
using CityEServices.Notifications.IntegrationTests.Infrastructure;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>
/// A citizen's sign-in code (CitizenSignInCodeIssued, from identity's outbox) is texted once to the latest
/// mobile a file opening gave for their national ID, even when the event is redelivered; a national ID
/// with no mobile on file texts nobody; and the code never shows in the admin's SMS list.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SignInCodeSmsTests(NotificationsService service, ITestOutputHelper output) : ServiceTest<NotificationsService>(service, output), IClassFixture<NotificationsService>
{
    private const string SinkPath = "/api/notifications/sms";

    [Fact]
    public async Task The_code_reaches_the_latest_mobile_once_even_on_redelivery()
    {
        var nationalId = NationalIds.Next();
        var oldMobile = NewMobile();
        var mobile = NewMobile();
        var at = new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero);
        using var admin = Service.CreateClient(TestTokens.Admin());

        // The later opening is heard first (consumers run concurrently, a redelivery comes late): "latest" is the
        // opening's own time, not the order they were heard in. Each opening's own SMS is written with its contact.
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), at.AddDays(1), mobile) with { ApplicantNationalId = nationalId });
        await WaitForAsync(admin, mobile, 1);
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), at, oldMobile) with { ApplicantNationalId = nationalId });
        await WaitForAsync(admin, oldMobile, 1);

        var issued = new CitizenSignInCodeIssued(nationalId, "048213", DateTimeOffset.UtcNow.AddMinutes(2)) { OccurredAt = Service.Time.GetUtcNow() };
        await Service.PublishAsync(issued);
        await Service.PublishAsync(issued);
        var texts = await WaitForAsync(admin, mobile, 2);
        Assert.Single(texts, t => t.Contains("048213", StringComparison.Ordinal));

        // A later code for another citizen, published after the redelivery: once it is in, the redelivery was handled.
        var witnessId = NationalIds.Next();
        var witness = NewMobile();
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), at, witness) with { ApplicantNationalId = witnessId });
        await WaitForAsync(admin, witness, 1);
        await Service.PublishAsync(new CitizenSignInCodeIssued(witnessId, "777111", DateTimeOffset.UtcNow.AddMinutes(2)) { OccurredAt = Service.Time.GetUtcNow() });
        await WaitForAsync(admin, witness, 2);

        Assert.Single(await WaitForAsync(admin, mobile, 2), t => t.Contains("048213", StringComparison.Ordinal));
        Assert.DoesNotContain(await WaitForAsync(admin, oldMobile, 1), t => t.Contains("048213", StringComparison.Ordinal));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM sms_messages WHERE event_id = @e", ("e", issued.EventId)));

        // The admin's list says a code was sent, never which.
        var list = await (await admin.GetAsync($"/api/notifications/sms/messages?mobile={Uri.EscapeDataString(mobile)}&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        var codeMessage = Assert.Single(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("template").GetString() == "sign-in-code");
        Assert.Equal(JsonValueKind.Null, codeMessage.GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task A_national_id_without_a_mobile_on_file_texts_nobody()
    {
        var nationalId = NationalIds.Next();
        using var admin = Service.CreateClient(TestTokens.Admin());
        var silent = new CitizenSignInCodeIssued(nationalId, "555000", DateTimeOffset.UtcNow.AddMinutes(2)) { OccurredAt = Service.Time.GetUtcNow() };
        await Service.PublishAsync(silent);

        var witnessId = NationalIds.Next();
        var witness = NewMobile();
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), DateTimeOffset.UtcNow, witness) with { ApplicantNationalId = witnessId });
        await WaitForAsync(admin, witness, 1);
        await Service.PublishAsync(new CitizenSignInCodeIssued(witnessId, "555001", DateTimeOffset.UtcNow.AddMinutes(2)) { OccurredAt = Service.Time.GetUtcNow() });
        await WaitForAsync(admin, witness, 2);

        // Heard (the inbox has it), and nothing owed.
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @e", ("e", silent.EventId)) > 0,
            TimeSpan.FromSeconds(20), "the code without a mobile was consumed");
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM sms_messages WHERE event_id = @e", ("e", silent.EventId)));
    }

    private static async Task<IReadOnlyList<string>> WaitForAsync(HttpClient admin, string mobile, int count)
    {
        IReadOnlyList<string> texts = [];
        await Eventually.UntilAsync(async () =>
        {
            var page = await (await admin.GetAsync($"{SinkPath}?mobile={Uri.EscapeDataString(mobile)}&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
            texts = [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];
            return texts.Count >= count;
        }, TimeSpan.FromSeconds(20), $"{count} SMS to {mobile} in the sink");
        return texts;
    }

    private static string NewMobile() => $"+98912{Random.Shared.Next(1_000_000, 9_999_999)}";
}
