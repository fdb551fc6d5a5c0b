namespace CityEServices.UrbanPlanning.Data;

internal static class ServiceRequestMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceRequest>(request =>
        {
            request.ToTable("service_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).ValueGeneratedNever();
            request.Property(r => r.FileNumber).HasMaxLength(FileNumber.Length);
            request.Property(r => r.ServiceType).HasMaxLength(40);
            request.Property(r => r.DetailsJson).HasColumnName("details").HasColumnType("jsonb");
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.CreatedBy).HasMaxLength(200);
            request.Property(r => r.ApplicantNationalId).HasMaxLength(10);
            request.Property(r => r.FeeRial).HasPrecision(20, 0);
            request.Property(r => r.PaymentReceipt).HasMaxLength(100);
            request.Property(r => r.IssuedNumber).HasMaxLength(40);
            request.Property(r => r.RowVersion).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
            request.Ignore(r => r.Clock);
            request.Ignore(r => r.Details);

            request.HasOne<UrbanPlanningFile>().WithMany().HasForeignKey(r => r.FileNumber).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
            request.Navigation(r => r.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
            request.HasIndex(r => new { r.FileNumber, r.CreatedAt }).HasDatabaseName("ix_service_requests_file");
            // The document-completeness consumer looks up the requests still waiting.
            request.HasIndex(r => r.Status).HasDatabaseName("ix_service_requests_awaiting").HasFilter("status = 'AwaitingDocuments'");
            // The SLA sweeper and the work queues: open requests by due date.
            request.HasIndex(r => new { r.Status, r.DueAt }).HasDatabaseName("ix_service_requests_due");
            request.HasIndex(r => r.IssuedNumber).IsUnique().HasDatabaseName("ix_service_requests_issued_number");
        });

        modelBuilder.Entity<RequestTransition>(transition =>
        {
            // Its chain columns (chain_seq, prev_hash, entry_hash) are not mapped: the insert trigger fills them.
            transition.ToTable(UrbanPlanningDbContext.TransitionsTable);
            transition.HasKey(t => t.Id);
            transition.Property(t => t.Id).UseIdentityAlwaysColumn();
            transition.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(32);
            transition.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(32);
            transition.Property(t => t.Actor).HasMaxLength(200);
            transition.Property(t => t.Note).HasMaxLength(1000);
            transition.Property(t => t.ReasonCode).HasMaxLength(40);
            transition.HasIndex(t => new { t.RequestId, t.At }).HasDatabaseName("ix_request_transitions_request");
        });
    }
}
