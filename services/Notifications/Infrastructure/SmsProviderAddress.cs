using CityEServices.Notifications.Domain;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>
/// Where the SMS adapter sends: Notifications:Sms:BaseUrl; in Development without one, this service's
/// own sink (<c>{its address}/sms-sink</c>), so local runs never text a real phone. Null when neither
/// (outside Development, unconfigured): messages then wait, unsent and unlost, until it is configured.
/// </summary>
public sealed class SmsProviderAddress(IOptions<SmsOptions> options, IHostEnvironment environment, IServer server)
{
    public const string SinkPath = "/sms-sink";

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
