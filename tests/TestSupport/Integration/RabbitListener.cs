using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CityEServices.TestSupport;

/// <summary>
/// A plain AMQP consumer, independent of MassTransit: an exclusive queue bound to the exchange
/// MassTransit publishes a message type to (its full name, "Namespace:Type"), collecting every
/// envelope that arrives.
/// </summary>
public sealed class RabbitListener : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly List<Received> _received = [];

    private RabbitListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public sealed record Received(JsonElement Envelope, string? MessageId, string? ContentType);

    /// <param name="clientName">How the connection shows in RabbitMQ's management UI.</param>
    public static async Task<RabbitListener> BindAsync(string amqpUri, string exchange, string clientName = "integration-tests")
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = clientName };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var listener = new RabbitListener(connection, channel);
        try
        {
            // Declared as MassTransit declares publish exchanges (durable fanout), so whichever side
            // comes first the other's declaration matches; binding before the first publish means no
            // message can be routed to nowhere.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            var queue = await channel.QueueDeclareAsync(queue: string.Empty, durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue.QueueName, exchange, routingKey: string.Empty);

            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                using var document = JsonDocument.Parse(delivery.Body);
                var received = new Received(document.RootElement.Clone(), delivery.BasicProperties.MessageId, delivery.BasicProperties.ContentType);
                lock (listener._received)
                {
                    listener._received.Add(received);
                }

                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
            return listener;
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
    }

    public IReadOnlyList<Received> All
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Waits for the messages whose envelope satisfies <paramref name="match"/>; fails the test if none comes in time.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<Received, bool> match, TimeSpan timeout, string what)
    {
        await Eventually.UntilAsync(() => Task.FromResult(All.Any(match)), timeout, what);
        return [.. All.Where(match)];
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
