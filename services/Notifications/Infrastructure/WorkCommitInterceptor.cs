using System.Data.Common;
using System.Runtime.CompilerServices;
using CityEServices.Notifications.Domain.Sms;
using CityEServices.Notifications.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>
/// Wakes the delivery worker and the SMS sender once new deliveries or messages are committed — at the
/// commit of the transaction that wrote them (the inbox's), not before, when they would find nothing.
/// </summary>
public sealed class WorkCommitInterceptor(DeliverySignal deliveries, SmsSignal sms) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, Pending> Uncommitted = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
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

    private static void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = Uncommitted.GetOrCreateValue(context);
        pending.Deliveries |= context.ChangeTracker.Entries<WebhookDelivery>().Any(e => e.State == EntityState.Added);
        pending.Sms |= context.ChangeTracker.Entries<SmsMessage>().Any(e => e.State == EntityState.Added);
    }

    private void AfterSave(DbContext? context)
    {
        // Without a transaction of its own around it, the save has committed by now.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !Uncommitted.TryGetValue(context, out var pending))
        {
            return;
        }

        Uncommitted.Remove(context);
        if (pending.Deliveries)
        {
            deliveries.Notify();
        }

        if (pending.Sms)
        {
            sms.Notify();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Uncommitted.Remove(context);
        }
    }

    private sealed class Pending
    {
        public bool Deliveries { get; set; }

        public bool Sms { get; set; }
    }
}
