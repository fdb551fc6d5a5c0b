using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The public transparency page in a real headless Chromium against the real stack, anonymously: by
/// default it shows this Solar year up to this month, and it shows the figures the open data answers.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class TransparencyPageTests(CityStackFixture stack)
{

    private static string PersianDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));

    [Fact]
    public async Task Anyone_sees_this_years_figures_as_the_open_data_gives_them_right_to_left()
    {
        var gateway = stack.Gateway;
        var tehran = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        var calendar = new PersianCalendar();
        var year = calendar.GetYear(tehran.DateTime);
        var (from, to) = ($"{year}/01", $"{year}/{calendar.GetMonth(tehran.DateTime):00}");
        var data = await gateway.GetAsync($"/api/open-data/performance?from={from}&to={to}&groupBy=office").ExpectAsync(HttpStatusCode.OK);
        var published = data["groups"]!.AsArray().Count(g => !g!["suppressed"]!.GetValue<bool>());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = gateway.BaseAddress!.ToString(), Locale = "fa-IR" });

        await page.GotoAsync("/transparency");
        await page.Locator("#report").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        Assert.Equal("rtl", await page.EvalOnSelectorAsync<string>("#report", "e => getComputedStyle(e).direction"));
        Assert.Equal(PersianDigits($"از {from} تا {to} به تفکیک دفتر"), await page.TextContentAsync("#report-title"));
        Assert.Equal("تعداد درخواست‌ها" + PersianDigits(Number(data["total"]!["requests"])), await page.TextContentAsync(".total[data-measure=requests]"));
        Assert.Equal(published, await page.Locator("svg[data-measure=requests] rect.bar").CountAsync());
        Assert.Equal(data["groups"]!.AsArray().Count + 1, await page.Locator("#table tbody tr").CountAsync());
    }

    private static string Number(JsonNode? value) => value?.GetValue<int>().ToString(CultureInfo.InvariantCulture) ?? "—";
}
