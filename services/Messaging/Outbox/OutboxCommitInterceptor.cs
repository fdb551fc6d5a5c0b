using CityEServices.Messaging.Persistence;

namespace CityEServices.Messaging.Outbox;

/// <summary>Wakes the relay once outbox rows are committed.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : CommitSignalInterceptor<OutboxMessage, OutboxSignal>(signal);
