using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace CityEServices.ServiceDefaults.Auth.Revocation;

/// <summary>
/// Fetches identity's revocation list at start and then every <see cref="RevocationOptions.RefreshInterval"/>.
/// While identity cannot be reached the last list stays in force (identity down also means no new
/// tokens, so nothing new can need revoking that identity could tell us about).
/// </summary>
public sealed partial class RevocationListRefresher(
    IHttpClientFactory clients,
    RevokedSubjects revoked,
    IOptions<RevocationOptions> options,
    TimeProvider time,
    ILogger<RevocationListRefresher> logger) : BackgroundService
{
    public const string ClientName = "identity-revocations";

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(ClientName);
            var list = await http.GetFromJsonAsync<RevocationListDocument>("", cancellationToken)
                ?? throw new InvalidDataException("The revocation list was empty.");
            revoked.Replace(list.Revocations.Select(r => (r.Subject, r.RevokedAt)));
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger, revoked.Count);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            // Said once when it starts failing, not every interval: identity being down is reported elsewhere.
            if (!_failing)
            {
                _failing = true;
                LogUnavailable(logger, revoked.Count, e.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Identity's revocation list cannot be fetched ({Reason}); the last one ({Count} subjects) stays in force")]
    private static partial void LogUnavailable(ILogger logger, int count, string reason);

    [LoggerMessage(LogLevel.Information, "Identity's revocation list is fetched again ({Count} subjects)")]
    private static partial void LogRecovered(ILogger logger, int count);
}

/// <summary>The wire shape of <c>GET /internal/revocations</c>.</summary>
public sealed record RevocationListDocument(DateTimeOffset GeneratedAt, IReadOnlyList<RevocationEntry> Revocations);

public sealed record RevocationEntry(string Subject, DateTimeOffset RevokedAt);
