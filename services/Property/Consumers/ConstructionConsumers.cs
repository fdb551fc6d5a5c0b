using CityEServices.Contracts.Events;
using CityEServices.Iran;
using CityEServices.Property.Caching;
using MassTransit;

namespace CityEServices.Property.Events;

/// <summary>
/// The consumers MassTransit runs: the inbox applies the event and commits, then the cached property is
/// dropped. Invalidating inside the inbox's transaction would let a read between the drop and the
/// commit put the old state back in the cache.
/// </summary>
public sealed class BuildingPermitIssuedConsumer(BuildingPermitIssuedInbox inbox, PropertyCache cache) : IConsumer<BuildingPermitIssued>
{
    public async Task Consume(ConsumeContext<BuildingPermitIssued> context)
    {
        await inbox.Consume(context);
        await InvalidateAsync(cache, context.Message.RenovationCode);
    }

    internal static async Task InvalidateAsync(PropertyCache cache, string renovationCode)
    {
        if (RenovationCode.TryParse(renovationCode, out var code))
        {
            await cache.InvalidateAsync(code);
        }
    }
}

public sealed class CompletionCertificateIssuedConsumer(CompletionCertificateIssuedInbox inbox, PropertyCache cache) : IConsumer<CompletionCertificateIssued>
{
    public async Task Consume(ConsumeContext<CompletionCertificateIssued> context)
    {
        await inbox.Consume(context);
        await BuildingPermitIssuedConsumer.InvalidateAsync(cache, context.Message.RenovationCode);
    }
}
