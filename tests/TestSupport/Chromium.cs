namespace CityEServices.TestSupport;

/// <summary>
/// The headless Chromium the page tests drive. ./city test names it in CITY_CHROMIUM: Debian's, or on a
/// distribution without one (Ubuntu ships only a snap stub) the build tools/chromium.sh fetched.
/// </summary>
public static class Chromium
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("CITY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}
