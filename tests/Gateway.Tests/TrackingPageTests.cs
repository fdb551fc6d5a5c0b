using CityEServices.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// The citizen's page in a real headless Chromium (see <see cref="Chromium"/>). The page and its
/// calls go through the real gateway pipeline (the browser's requests are handed to the gateway's
/// test server); the answer comes from the stand-in service in the tracking contract's shape.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TrackingPageTests(GatewayFixture fixture)
{
    private const string Origin = "http://gateway.test";

    private static string PersianDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));

    [Fact]
    public async Task A_citizen_sees_requests_and_timeline_in_solar_hijri_right_to_left_and_a_wrong_national_id_sees_nothing()
    {
        using var gateway = fixture.Gateway.CreateClient(token: null);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fa-IR" });
        await page.RouteAsync(Origin + "/**", async route =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Request.Method), new Uri(route.Request.Url).PathAndQuery);
            using var response = await gateway.SendAsync(request);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        });

        await page.GotoAsync(Origin + "/track");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("fa", await page.GetAttributeAsync("html", "lang"));

        await page.FillAsync("#tracking-code", TrackedFile.TrackingCode);
        await page.FillAsync("#national-id", PersianDigits(TrackedFile.NationalId));
        await page.ClickAsync("#track-submit");
        await page.Locator("#result").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        Assert.Equal("۲۲۰۰۱۸۴۰۳۲۰", await page.TextContentAsync("#file-number"));
        Assert.Equal("۱۴۰۴/۰۹/۰۸ ۱۴:۳۰", await page.TextContentAsync("#opened-at"));
        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("#result", "e => getComputedStyle(e).direction"));
        var request = page.Locator("article.request");
        Assert.Equal(1, await request.CountAsync());
        Assert.Equal("پروانه ساختمانی", await request.Locator("h3").TextContentAsync());
        Assert.Equal("در حال بررسی", await request.Locator(".status").TextContentAsync());
        Assert.Equal("۱۴۰۴/۱۰/۰۸ ۱۴:۳۰", await request.Locator(".due-at").TextContentAsync());
        var steps = await request.Locator("ol.timeline li").AllTextContentsAsync();
        Assert.Equal(2, steps.Count);
        Assert.StartsWith("۱۴۰۴/۰۹/۰۸ ۱۴:۳۵", steps[0], StringComparison.Ordinal);
        Assert.Contains("ثبت شده ← در حال بررسی", steps[1], StringComparison.Ordinal);
        Assert.Contains("بررسی کارشناس", steps[1], StringComparison.Ordinal);

        await page.FillAsync("#national-id", "1583250689");
        await page.ClickAsync("#track-submit");
        await page.Locator("#message.error").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("پیدا نشد", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#result"));
    }
}
