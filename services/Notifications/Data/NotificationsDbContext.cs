namespace CityEServices.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<FileContact> FileContacts => Set<FileContact>();

    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();

    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();

    public DbSet<SinkMessage> SinkMessages => Set<SinkMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EventLogEntry>(ConfigureEvent);
        modelBuilder.Entity<WebhookSubscription>(ConfigureSubscription);
        modelBuilder.Entity<WebhookDelivery>(ConfigureDelivery);
        modelBuilder.Entity<FileContact>(ConfigureContact);
        modelBuilder.Entity<SmsMessage>(ConfigureSms);
        modelBuilder.Entity<SmsOptOut>(ConfigureOptOut);
        modelBuilder.Entity<SinkMessage>(ConfigureSink);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddJobLeases();
        modelBuilder.UseSnakeCaseNames();
    }

    private static void ConfigureEvent(EntityTypeBuilder<EventLogEntry> entry)
    {
        entry.ToTable("event_log");
        entry.HasKey(e => e.EventId);
        entry.Property(e => e.EventId).ValueGeneratedNever();
        entry.Property(e => e.Type).HasMaxLength(200);
        entry.Property(e => e.Source).HasMaxLength(100);
        entry.Property(e => e.Subject).HasMaxLength(100);
        entry.Property(e => e.Data).HasColumnType("jsonb");
        entry.Property(e => e.CorrelationId).HasMaxLength(128);
        // Replays select by type and time.
        entry.HasIndex(e => new { e.Type, e.Time });
        entry.HasIndex(e => e.Time);
    }

    private static void ConfigureSubscription(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("webhook_subscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.Id).ValueGeneratedNever();
        subscription.Property(s => s.ClientId).HasMaxLength(200);
        subscription.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
        subscription.Property(s => s.Description).HasMaxLength(WebhookSubscription.MaxDescriptionLength);
        subscription.Property(s => s.Secret).HasMaxLength(128);
        subscription.Property(s => s.PreviousSecret).HasMaxLength(128);
        subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        subscription.Property(s => s.CreatedBy).HasMaxLength(200);
        subscription.Property(s => s.DeletedBy).HasMaxLength(200);
        subscription.Ignore(s => s.MaySeePersonalData);
        // PostgreSQL's system column: changes on every update, costs no storage, needs no migration.
        subscription.Property(s => s.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        subscription.HasIndex(s => new { s.ClientId, s.CreatedAt });
    }

    private static void ConfigureDelivery(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        ConfigureAttempt(delivery, "webhook_deliveries");
        delivery.Property(d => d.WebhookId).HasMaxLength(64);
        delivery.Property(d => d.Subject).HasMaxLength(100);
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        // Restrict: an event is deleted (retention) only once no delivery of it is left, so nothing pending can vanish with it.
        delivery.HasOne<EventLogEntry>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);
        // The worker's scan: only what is still pending, by due time.
        delivery.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
        // "Is an earlier delivery of this subject to this subscription still pending?"
        delivery.HasIndex(d => new { d.SubscriptionId, d.Subject, d.EventTime, d.EventId, d.Id })
            .HasFilter("status = 'Pending'")
            .HasDatabaseName("ix_webhook_deliveries_pending_order");
        // The deliveries list, newest first, by status.
        delivery.HasIndex(d => new { d.SubscriptionId, d.Status, d.CreatedAt });
    }

    /// <summary>The columns every <see cref="OutgoingAttempt"/> has, in the type's own table.</summary>
    private static void ConfigureAttempt<TAttempt>(EntityTypeBuilder<TAttempt> attempt, string table)
        where TAttempt : OutgoingAttempt
    {
        attempt.ToTable(table);
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).ValueGeneratedNever();
        attempt.Property(a => a.LastError).HasMaxLength(OutgoingAttempt.MaxErrorLength);
    }

    private static void ConfigureContact(EntityTypeBuilder<FileContact> contact)
    {
        contact.ToTable("file_contacts");
        contact.HasKey(c => c.FileNumber);
        contact.Property(c => c.FileNumber).HasMaxLength(32);
        contact.Property(c => c.Mobile).HasMaxLength(16);
        contact.Property(c => c.TrackingCode).HasMaxLength(32);
        contact.Property(c => c.ApplicantNationalId).HasMaxLength(10);
        // A sign-in code goes to the mobile of the national ID's latest file opening; openings are heard
        // in any order (concurrent consumers, redelivery), so their own time decides, not when they were heard.
        contact.HasIndex(c => new { c.ApplicantNationalId, c.GivenAt });
    }

    private static void ConfigureSms(EntityTypeBuilder<SmsMessage> sms)
    {
        ConfigureAttempt(sms, "sms_messages");
        sms.Property(m => m.Recipient).HasMaxLength(64);
        sms.Property(m => m.FileNumber).HasMaxLength(32);
        sms.Property(m => m.Template).HasMaxLength(64);
        sms.Property(m => m.ServiceType).HasMaxLength(64);
        sms.Property(m => m.Mobile).HasMaxLength(16);
        sms.Property(m => m.TrackingCode).HasMaxLength(32);
        sms.Property(m => m.Text).HasMaxLength(500);
        sms.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        sms.Property(m => m.ProviderMessageId).HasMaxLength(64);
        // A sender whose lease ran out (and was taken over) cannot overwrite the new holder's outcome.
        sms.Property(m => m.LeaseToken).IsConcurrencyToken();
        // However an event reaches us, its recipient gets one message.
        sms.HasIndex(m => new { m.EventId, m.Recipient }).IsUnique().HasDatabaseName("ux_sms_messages_event_recipient");
        sms.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_sms_messages_due");
        sms.HasIndex(m => new { m.Recipient, m.EventTime, m.Id }).HasFilter("status = 'Pending'").HasDatabaseName("ix_sms_messages_pending_order");
        sms.HasIndex(m => new { m.Mobile, m.CreatedAt });
    }

    private static void ConfigureOptOut(EntityTypeBuilder<SmsOptOut> optOut)
    {
        optOut.ToTable("sms_opt_outs");
        optOut.HasKey(o => o.Mobile);
        optOut.Property(o => o.Mobile).HasMaxLength(16);
        optOut.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        optOut.Property(o => o.OptedOutBy).HasMaxLength(200);
    }

    private static void ConfigureSink(EntityTypeBuilder<SinkMessage> sink)
    {
        sink.ToTable("sms_sink_messages");
        sink.HasKey(m => m.Id);
        sink.Property(m => m.Id).UseIdentityAlwaysColumn();
        sink.Property(m => m.LocalId).HasMaxLength(64);
        sink.Property(m => m.Receptor).HasMaxLength(16);
        sink.Property(m => m.Sender).HasMaxLength(32);
        sink.Property(m => m.Message).HasMaxLength(1000);
        // A provider that honours localid sends a retried message once; the sink does the same.
        sink.HasIndex(m => m.LocalId).IsUnique().HasDatabaseName("ux_sms_sink_messages_local_id");
        sink.HasIndex(m => new { m.Receptor, m.ReceivedAt });
    }
}
