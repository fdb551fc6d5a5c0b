using System.Text.Json;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Announces a stored document on the stack's broker exactly as the archive's outbox relay does
/// (MassTransit's envelope on the event type's exchange). Stands in for the archive's upload endpoint
/// until that is part of the stack.
/// </summary>
public static class ArchiveEventPublisher
{
    private const string Exchange = "CityEServices.Contracts.Events:DocumentArchived";

    public static async Task PublishDocumentArchivedAsync(this CityStackFixture stack, string category, string fileNumber, string renovationCode)
    {
        var connectionString = await stack.App.GetConnectionStringAsync("rabbitmq")
            ?? throw new InvalidOperationException("The stack has no rabbitmq connection string.");
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), ClientProvidedName = "e2e-archive-stand-in" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);

        var eventId = Guid.NewGuid();
        var envelope = new
        {
            messageId = eventId,
            messageType = new[] { $"urn:message:{Exchange}" },
            sentTime = DateTimeOffset.UtcNow,
            message = new
            {
                documentId = Guid.NewGuid(),
                category,
                renovationCode,
                fileNumber,
                sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(eventId.ToByteArray())),
                sizeBytes = 2048,
                version = 1,
                eventId,
                occurredAt = DateTimeOffset.UtcNow,
            },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = eventId.ToString(), Persistent = true };
        await channel.BasicPublishAsync(Exchange, string.Empty, mandatory: false, properties, body);
    }
}
