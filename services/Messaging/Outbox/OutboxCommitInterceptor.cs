using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityEServices.Messaging.Outbox;

/// <summary>
/// Signals the relay after outbox rows become visible: at the end of SaveChanges when EF owned the
/// transaction, or when an explicit transaction commits.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static bool HasPendingOutbox(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    // By the time SavedChanges runs the tracker has accepted the rows, so whether this save carried
    // outbox rows is noted beforehand, keyed weakly by context (contexts are pooled and reused).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Marker = new();

    private static void Remember(DbContext? context)
    {
        if (HasPendingOutbox(context))
        {
            Pending.AddOrUpdate(context!, Marker);
        }
    }

    private void AfterSave(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out _))
        {
            return;
        }

        Pending.Remove(context);
        // Inside an explicit transaction the rows are not visible yet; TransactionCommitted signals then.
        if (context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
    }
}
