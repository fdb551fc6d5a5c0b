using Microsoft.Extensions.Configuration.Memory;

namespace CityEServices.ServiceDefaults;

internal static class ConfigurationDefaults
{
    /// <summary>Values under every other configuration source: appsettings, the environment and the command line still win.</summary>
    public static void AddLowestPrecedence(this IConfigurationBuilder configuration, IDictionary<string, string?> values) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
}
