using Microsoft.Playwright;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>The public verification page in a real headless Chromium (see <see cref="Chromium"/>), as anyone holding a paper sees it.</summary>
internal static class VerifyPageBrowser
{
    /// <summary>The status line and its class after typing <paramref name="number"/> into /verify.</summary>
    public static async Task<(string Text, string Class)> StatusOfAsync(HttpClient gateway, string number)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = gateway.BaseAddress!.ToString(), Locale = "fa-IR" });

        await page.GotoAsync("/verify");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.FillAsync("#number", number);
        await page.ClickAsync("#verify-submit");
        await page.Locator("#result").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        Assert.Equal(number, await page.TextContentAsync("#doc-number"));
        Assert.Matches("^[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", await page.TextContentAsync("#issued-at") ?? "");
        return ((await page.TextContentAsync("#status"))!, (await page.GetAttributeAsync("#status", "class"))!);
    }
}
