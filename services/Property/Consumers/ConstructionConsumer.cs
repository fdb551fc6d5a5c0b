namespace CityEServices.Property.Consumers;

/// <summary>
/// What MassTransit runs for a construction event: the inbox applies it and commits, then the cached
/// property is dropped. Invalidating inside the inbox's transaction would let a read between the drop
/// and the commit put the old state back in the cache.
/// </summary>
public abstract class ConstructionConsumer<TEvent>(ConstructionInbox<TEvent> inbox, PropertyCache cache) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        await inbox.Consume(context);
        if (RenovationCode.TryParse(inbox.RenovationCodeOf(context.Message), out var code))
        {
            await cache.InvalidateAsync(code);
        }
    }
}
