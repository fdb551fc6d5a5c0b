using CityEServices.Messaging.Persistence;

namespace CityEServices.Messaging.Outbox;

/// <summary>Outbox rows committed: the relay publishes them now rather than at its next poll.</summary>
public sealed class OutboxSignal : WorkSignal;
