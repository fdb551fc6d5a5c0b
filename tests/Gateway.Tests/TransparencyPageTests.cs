using CityEServices.Gateway.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// The public transparency page in a real headless Chromium (see <see cref="Chromium"/>): the page and
/// its call go through the real gateway pipeline, anonymously; the figures are the stand-in's, in the
/// open-data contract's shape, so every bar and cell can be checked against a known answer.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TransparencyPageTests(GatewayFixture fixture)
{
    private const string Origin = "http://gateway.test";

    [Fact]
    public async Task Anyone_sees_a_chart_per_measure_right_to_left_with_small_groups_withheld()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture, "/transparency?from=1404/01&to=1404/06&groupBy=office");
        var page = browser.Page;
        try
        {
            await page.Locator("#report").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"the report did not show ({e.Message}); {WhatHappened(browser)}");
        }

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("fa", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("#report", "e => getComputedStyle(e).direction"));
        Assert.Contains("?from=1404%2F01&to=1404%2F06&groupBy=office", fixture.Service.OpenDataQueries);
        Assert.Equal("از ۱۴۰۴/۰۱ تا ۱۴۰۴/۰۶ به تفکیک دفتر", await page.TextContentAsync("#report-title"));

        // A chart for each of the seven published measures, one bar per published office: the withheld one has none.
        var charts = page.Locator("#charts svg");
        Assert.Equal(7, await charts.CountAsync());
        Assert.Equal(2, await page.Locator("svg[data-measure=requests] rect.bar").CountAsync());
        var widths = await page.EvalOnSelectorAllAsync<double[]>("svg[data-measure=requests] rect.bar", "bars => bars.map(b => b.width.baseVal.value)");
        Assert.Equal(8.0 / 20, widths[1] / widths[0], precision: 2);
        // Bars grow from the right: each ends where the label column begins.
        var rightEdges = await page.EvalOnSelectorAllAsync<double[]>("svg[data-measure=requests] rect.bar", "bars => bars.map(b => b.x.baseVal.value + b.width.baseVal.value)");
        Assert.Single(rightEdges.Distinct());
        Assert.Equal("دفتر خدمات الکترونیک ۱۲۰۱: ۹۰٪", await page.TextContentAsync("svg[data-measure=slaCompliance] rect.bar title"));

        Assert.Equal("تعداد درخواست‌ها۳۱", await page.TextContentAsync(".total[data-measure=requests]"));
        Assert.Equal("میانه زمان رسیدگی (روز کاری)۶.۵", await page.TextContentAsync(".total[data-measure=medianTurnaroundWorkingDays]"));
        Assert.Equal("عوارض وصول‌شده (ریال)۹۳٬۰۰۰٬۰۰۰", await page.TextContentAsync(".total[data-measure=feesCollectedRial]"));
        Assert.Contains("دفتر خدمات الکترونیک ۲۲۰۷", await page.TextContentAsync("#suppressed"), StringComparison.Ordinal);
        var withheld = await page.Locator("tr.suppressed td").AllTextContentsAsync();
        Assert.Equal(["دفتر خدمات الکترونیک ۲۲۰۷", .. Enumerable.Repeat("منتشر نمی‌شود", 7)], withheld);
        Assert.Equal("۵", await page.TextContentAsync("#minimum"));
    }

    [Fact]
    public async Task A_range_written_wrong_is_explained_and_nothing_is_asked()
    {
        await using var browser = await BrowserPage.OpenAsync(fixture, "/transparency?from=1404/01&to=1404/06");
        var page = browser.Page;
        await Eventually.UntilAsync(async () => await page.IsVisibleAsync("#report") || (await page.TextContentAsync("#message"))!.Length > 0, TimeSpan.FromSeconds(15), "the page's first answer");
        Assert.True(await page.TextContentAsync("#message") is "", $"the page's first answer failed; {WhatHappened(browser)}");
        var asked = fixture.Service.OpenDataQueries.Count;

        await page.FillAsync("#from", "فروردین");
        await page.ClickAsync("#show");
        await page.Locator("#message.error").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        Assert.Contains("۱۴۰۴/۰۱", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Equal(asked, fixture.Service.OpenDataQueries.Count);
    }

    private string WhatHappened(BrowserPage browser) =>
        $"the gateway answered: {browser.Exchanges}; it logged: {string.Join(" | ", fixture.Gateway.Errors.Entries)}";

    /// <summary>A headless Chromium page whose requests to <see cref="Origin"/> are served by the gateway under test.</summary>
    private sealed class BrowserPage(HttpClient gateway, IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _exchanges = new();

        public IPage Page => page;

        /// <summary>Every request the page made and what the gateway answered, for a failure's message.</summary>
        public string Exchanges => string.Join("; ", _exchanges);

        public static async Task<BrowserPage> OpenAsync(GatewayFixture fixture, string path)
        {
            var gateway = fixture.Gateway.CreateClient(token: null);
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.Path,
                Headless = true,
                Args = ["--no-sandbox"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fa-IR" });
            var session = new BrowserPage(gateway, playwright, browser, page);
            await page.RouteAsync(Origin + "/**", async route =>
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Request.Method), new Uri(route.Request.Url).PathAndQuery);
                foreach (var (name, value) in route.Request.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                try
                {
                    using var response = await gateway.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    session._exchanges.Enqueue($"{request.Method} {request.RequestUri} {(int)response.StatusCode}"
                        + ((int)response.StatusCode >= 500 ? " " + System.Text.Encoding.UTF8.GetString(body) : string.Empty));
                    await route.FulfillAsync(new RouteFulfillOptions
                    {
                        Status = (int)response.StatusCode,
                        ContentType = response.Content.Headers.ContentType?.ToString(),
                        BodyBytes = body,
                    });
                }
                catch (Exception e)
                {
                    // Kept for the failure's message: a request the gateway never answered shows as "not responding" on the page.
                    session._exchanges.Enqueue($"{request.Method} {request.RequestUri} threw {e.GetType().Name}: {e.Message}");
                    throw;
                }
            });
            await page.GotoAsync(Origin + path);
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            gateway.Dispose();
        }
    }
}
