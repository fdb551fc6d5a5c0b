using CityEServices.Messaging.Inbox;
using CityEServices.Messaging.Jobs;
using CityEServices.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Persistence;

public static class MessagingModelBuilderExtensions
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string JobLeasesTable = "job_leases";

    /// <summary>
    /// Adds the outbox and inbox tables to a service's model, so they live in its database and its migrations.
    /// Their columns are named here rather than left to the service's snake_case convention: the relay's,
    /// the inbox's and the leases' SQL names them, so they must not depend on a call in another project.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id");
            outbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            outbox.Property(m => m.CorrelationId).HasColumnName("correlation_id").HasMaxLength(128);
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            outbox.Property(m => m.PublishedAt).HasColumnName("published_at");
            outbox.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            // The relay only ever scans what is still pending; the partial index keeps that scan small
            // however much history accumulates.
            outbox.HasIndex(m => new { m.NextAttemptAt, m.OccurredAt })
                .HasDatabaseName("ix_outbox_pending")
                .HasFilter("published_at IS NULL");
            outbox.HasIndex(m => m.PublishedAt).HasDatabaseName("ix_outbox_published_at");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            inbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });

        return modelBuilder;
    }

    /// <summary>Adds the schedule of the service's periodic jobs (see <see cref="PeriodicJob{TDbContext}"/>).</summary>
    public static ModelBuilder AddJobLeases(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobLease>(lease =>
        {
            lease.ToTable(JobLeasesTable);
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasColumnName("name").HasMaxLength(100);
            lease.Property(l => l.NextRunAt).HasColumnName("next_run_at");
            lease.Property(l => l.Holder).HasColumnName("holder").HasMaxLength(200);
            lease.Property(l => l.LeaseUntil).HasColumnName("lease_until");
            lease.Property(l => l.LastStartedAt).HasColumnName("last_started_at");
            lease.Property(l => l.LastFinishedAt).HasColumnName("last_finished_at");
            lease.Property(l => l.LastError).HasColumnName("last_error").HasMaxLength(500);
            lease.Property(l => l.Runs).HasColumnName("runs");
        });
        return modelBuilder;
    }
}
