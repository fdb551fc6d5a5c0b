using CityEServices.Contracts.Events;
using MassTransit;

namespace CityEServices.Web.Authorization;

/// <summary>
/// Drops this replica's cached answers about the office or person office management says changed.
/// Every replica has its own temporary queue for it (see <see cref="OfficeAuthorizationExtensions"/>):
/// a cache is per process, so every process must hear the event. Dropping twice is harmless, so no inbox.
/// </summary>
public sealed class OfficeAuthorizationChangedConsumer(AuthorizationGenerations generations) : IConsumer<OfficeAuthorizationChanged>
{
    public Task Consume(ConsumeContext<OfficeAuthorizationChanged> context)
    {
        if (!string.IsNullOrWhiteSpace(context.Message.OfficeCode))
        {
            generations.OfficeChanged(context.Message.OfficeCode.Trim());
        }

        if (!string.IsNullOrWhiteSpace(context.Message.NationalId))
        {
            generations.PersonChanged(context.Message.NationalId.Trim());
        }

        return Task.CompletedTask;
    }
}
