using System.Collections.Concurrent;
using MassTransit;

namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>How many deliveries of each message id the archive's bus has finished with (consumed or faulted).</summary>
public sealed class Deliveries
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();
    private readonly ConcurrentDictionary<Guid, int> _faulted = new();

    public int Finished(Guid messageId) => _finished.GetValueOrDefault(messageId);

    public int Faulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

    internal void Done(Guid messageId) => _finished.AddOrUpdate(messageId, 1, (_, n) => n + 1);

    internal void Fault(Guid messageId)
    {
        _faulted.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        Done(messageId);
    }
}

public sealed class DeliveryObserver(Deliveries deliveries) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            deliveries.Done(id);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id)
        {
            deliveries.Fault(id);
        }

        return Task.CompletedTask;
    }
}
