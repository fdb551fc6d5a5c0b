using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>
/// Where the SMS adapter sends: Notifications:Sms:BaseUrl; in Development without one, this service's
/// own sink (<c>{its address}/sms-sink</c>), so local runs never text a real phone. Null when neither
/// (outside Development, unconfigured): messages then wait, unsent and unlost, until it is configured.
/// </summary>
public sealed class SmsProviderAddress(IOptions<SmsOptions> options, IHostEnvironment environment, IServer server)
{
    public const string SinkPath = "/sms-sink";

    /// <summary>
    /// The key sent to the service's own sink when none is configured: the provider's route needs a key
    /// segment (an empty one matches no route), and the sink without a configured key takes any.
    /// </summary>
    public const string SinkKey = "development";

    /// <summary>The key to put in the provider's URL: the configured one, or <see cref="SinkKey"/> for the own sink.</summary>
    public string ApiKey => !string.IsNullOrWhiteSpace(options.Value.ApiKey) ? options.Value.ApiKey
        : string.IsNullOrWhiteSpace(options.Value.BaseUrl) && environment.IsDevelopment() ? SinkKey
        : string.Empty;

    public string? BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
            {
                return options.Value.BaseUrl.TrimEnd('/');
            }

            if (!environment.IsDevelopment())
            {
                return null;
            }

            var own = server.Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(a => a.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                    .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                    .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal))
                .OrderBy(a => a.StartsWith("http://", StringComparison.Ordinal) ? 0 : 1)
                .FirstOrDefault();
            return own is null ? null : own.TrimEnd('/') + SinkPath;
        }
    }
}
