using System.Collections.Concurrent;
using System.Diagnostics;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>What the consumers of one test host saw, beyond what they committed to the database.</summary>
public sealed class Observations
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _handled = new();
    private readonly ConcurrentDictionary<Guid, int> _handleCalls = new();
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, ActivityTraceId?> _traceIds = new();
    private readonly ConcurrentQueue<(Guid EventId, bool EffectCommitted)> _afterCommits = new();

    /// <summary>HandleAsync was entered for this event (every attempt, including ones that throw).</summary>
    public void Handling(Guid eventId)
    {
        _handleCalls.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        _traceIds[eventId] = Activity.Current?.TraceId;
        Completion(eventId).TrySetResult();
    }

    /// <summary>MassTransit finished a delivery of this message to a consumer, applied or not.</summary>
    public void Delivered(Guid messageId) => _deliveries.AddOrUpdate(messageId, 1, (_, n) => n + 1);

    public int HandleCalls(Guid eventId) => _handleCalls.GetValueOrDefault(eventId);

    /// <summary>The consumer's after-commit hook ran, and whether another connection already saw the effect then.</summary>
    public void AfterCommit(Guid eventId, bool effectCommitted) => _afterCommits.Enqueue((eventId, effectCommitted));

    public IReadOnlyList<bool> AfterCommits(Guid eventId) => [.. _afterCommits.Where(c => c.EventId == eventId).Select(c => c.EffectCommitted)];

    public int Deliveries(Guid messageId) => _deliveries.GetValueOrDefault(messageId);

    public ActivityTraceId? TraceIdSeen(Guid eventId) => _traceIds.GetValueOrDefault(eventId);

    public Task WhenHandled(Guid eventId) => Completion(eventId).Task;

    private TaskCompletionSource Completion(Guid eventId) =>
        _handled.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
