using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityEServices.AppHost.Infrastructure;

/// <summary>"Running" is not "listening": a server resource is healthy only once its port accepts connections.</summary>
public sealed class TcpHealthCheck(string host, int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(host, port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{host}:{port} is not accepting connections");
        }
    }
}
