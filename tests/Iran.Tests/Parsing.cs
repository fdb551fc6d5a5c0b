using System.Globalization;

namespace CityEServices.Iran.Tests;

/// <summary>Calls through IParsable, the way ASP.NET Core and generic code do.</summary>
internal static class Parsing
{
    public static T Parse<T>(string input) where T : IParsable<T> => T.Parse(input, CultureInfo.InvariantCulture);

    public static bool TryParse<T>(string input, out T value) where T : IParsable<T> =>
        T.TryParse(input, CultureInfo.InvariantCulture, out value!);
}
