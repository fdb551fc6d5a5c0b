namespace CityEServices.ServiceDefaults.Telemetry;

/// <summary>
/// Log levels every process starts from, under every other configuration source (a service's
/// appsettings or the environment still win). Without them a service with no Logging section logs,
/// and exports over OTLP, several framework records per request and one per SQL command and per
/// outgoing HTTP or gRPC call, which cost more CPU under load than answering the request did.
/// </summary>
internal static class LoggingDefaults
{
    private const string Section = "Logging:LogLevel:";

    public static void AddLoggingDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddLowestPrecedence(new Dictionary<string, string?>
        {
            [Section + "Default"] = "Information",
            [Section + "Microsoft.AspNetCore"] = "Warning",
            [Section + "Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
            [Section + "System.Net.Http.HttpClient"] = "Warning",
            [Section + "Polly"] = "Warning",
            [Section + "Yarp"] = "Warning",
        });
    }
}
