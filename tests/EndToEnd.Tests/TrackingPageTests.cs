using System.Net;
using Microsoft.Playwright;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The citizen's page in a real headless Chromium (see <see cref="Chromium"/>), against the real
/// stack: a file opened through the API, then looked up by tracking code and national ID.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class TrackingPageTests(CityStackFixture stack)
{

    private static string PersianDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));

    [Fact]
    public async Task A_citizen_sees_the_file_with_solar_hijri_dates_right_to_left_and_a_wrong_national_id_sees_nothing()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 14);
        var opened = await gateway.OpenFileAsync(world);
        var fileNumber = opened["fileNumber"]!.GetValue<string>();
        var trackingCode = opened["trackingCode"]!.GetValue<string>();
        var track = await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={world.ApplicantNationalId}").ExpectAsync(HttpStatusCode.OK);
        var openedAtJalali = track["openedAt"]!["jalali"]!.GetValue<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = gateway.BaseAddress!.ToString(), Locale = "fa-IR" });

        await page.GotoAsync("/track");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("fa", await page.GetAttributeAsync("html", "lang"));

        await page.FillAsync("#tracking-code", trackingCode);
        await page.FillAsync("#national-id", PersianDigits(world.ApplicantNationalId));
        await page.ClickAsync("#track-submit");
        await page.Locator("#result").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        Assert.Equal(PersianDigits(fileNumber), await page.TextContentAsync("#file-number"));
        Assert.Equal(PersianDigits(openedAtJalali), await page.TextContentAsync("#opened-at"));
        Assert.Matches("^[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", await page.TextContentAsync("#opened-at") ?? "");
        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("#result", "e => getComputedStyle(e).direction"));

        await page.FillAsync("#national-id", NationalIds.Next());
        await page.ClickAsync("#track-submit");
        await page.Locator("#message.error").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("پیدا نشد", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#result"));
    }
}
