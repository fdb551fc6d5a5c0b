namespace CityEServices.Messaging;

/// <summary>The parts of an amqp:// connection string (Aspire's format) that MassTransit's host needs.</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string UserName, string Password)
{
    /// <summary>amqps://: the connection is TLS, with the host name as the server name to verify.</summary>
    public bool UseTls { get; init; }

    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new InvalidOperationException("The RabbitMQ connection string must be an amqp:// or amqps:// URI.");
        }

        if (uri.Host.Length == 0)
        {
            throw new InvalidOperationException("The RabbitMQ connection string has no host.");
        }

        var tls = uri.Scheme == "amqps";
        // Missing parts take the AMQP URI spec's defaults (guest/guest, vhost "/"), as RabbitMQ's client does.
        var credentials = uri.UserInfo.Split(':', 2);
        var user = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : "guest";
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest";
        // "amqp://host/" and "amqp://host" mean the default vhost "/"; a named one is escaped ("/%2F" is "/" too).
        var virtualHost = uri.AbsolutePath.Length > 1 ? Uri.UnescapeDataString(uri.AbsolutePath[1..]) : "/";
        var port = uri.Port > 0 ? uri.Port : tls ? 5671 : 5672;
        // IdnHost drops an IPv6 literal's brackets, which the RabbitMQ client does not accept.
        return new RabbitMqAddress(uri.IdnHost, (ushort)port, virtualHost, user, password) { UseTls = tls };
    }

    // The record's generated ToString would print the password into any log line that shows the address.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, VirtualHost = {VirtualHost}, UserName = {UserName}, UseTls = {UseTls}");
        return true;
    }
}
