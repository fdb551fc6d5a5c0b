using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Wakes <typeparamref name="TSignal"/>'s worker once new <typeparamref name="TRow"/> rows are committed,
/// and only then: at the commit of the transaction that wrote them (SaveChanges' own or an explicit one),
/// or at the end of a SaveChanges that needed no transaction. Saves without such rows and rolled-back
/// ones do not wake it; woken earlier, the worker would find nothing and sleep a whole poll interval.
/// </summary>
public class CommitSignalInterceptor<TRow, TSignal>(TSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TRow : class
    where TSignal : WorkSignal
{
    // Whether a context has written rows that are not committed yet. SavingChanges must note it: by
    // SavedChanges the tracker has accepted the rows, and the commit may come later still. Keyed weakly
    // by context, as contexts are pooled and reused; one table per row type.
    private static readonly ConditionalWeakTable<DbContext, object> Uncommitted = new();
    private static readonly object Marker = new();

    private static bool HasAddedRows(DbContext context) =>
        context.ChangeTracker.Entries<TRow>().Any(e => e.State == EntityState.Added);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteRows(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteRows(eventData.Context);
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

    public void SaveChangesFailed(DbContextErrorEventData eventData) => AfterFailedSave(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterFailedSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => AfterFailedSave(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterFailedSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void NoteRows(DbContext? context)
    {
        if (context is not null && HasAddedRows(context))
        {
            Uncommitted.AddOrUpdate(context, Marker);
        }
    }

    private void AfterSave(DbContext? context)
    {
        // SaveChanges' own transaction has committed by now (and TransactionCommitted has signalled);
        // still marked with no transaction open means the save ran without one (a single statement).
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private static void AfterFailedSave(DbContext? context)
    {
        // Inside an explicit transaction the caller may still commit earlier saves of it; leave the mark.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && Uncommitted.Remove(context))
        {
            signal.Notify();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Uncommitted.Remove(context);
        }
    }
}
