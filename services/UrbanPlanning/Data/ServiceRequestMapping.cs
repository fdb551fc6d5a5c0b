using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Data;

internal static class ServiceRequestMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceRequest>(request =>
        {
            request.ToTable("service_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            request.Property(r => r.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumber.Length);
            request.Property(r => r.ServiceType).HasColumnName("service_type").HasMaxLength(40);
            request.Property(r => r.RulesVersion).HasColumnName("rules_version");
            request.Property(r => r.DetailsJson).HasColumnName("details").HasColumnType("jsonb");
            request.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
            request.Property(r => r.MissingDocumentCategories).HasColumnName("missing_document_categories");
            request.Property(r => r.CreatedAt).HasColumnName("created_at");
            request.Property(r => r.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
            request.Property(r => r.ApplicantNationalId).HasColumnName("applicant_national_id").HasMaxLength(10);
            request.Property(r => r.SlaDays).HasColumnName("sla_days");
            request.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
            request.Property(r => r.ReturnedTime).HasColumnName("returned_time");
            request.Property(r => r.ReturnedSince).HasColumnName("returned_since");
            request.Property(r => r.ClosedAt).HasColumnName("closed_at");
            request.Property(r => r.DueAt).HasColumnName("due_at");
            request.Property(r => r.FeeRial).HasColumnName("fee_rial").HasPrecision(20, 0);
            request.Property(r => r.PaymentReceipt).HasColumnName("payment_receipt").HasMaxLength(100);
            request.Property(r => r.IssuedNumber).HasColumnName("issued_number").HasMaxLength(40);
            request.Property(r => r.RowVersion).IsRowVersion();
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
            transition.Property(t => t.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            transition.Property(t => t.RequestId).HasColumnName("request_id");
            transition.Property(t => t.FromStatus).HasColumnName("from_status").HasConversion<string>().HasMaxLength(32);
            transition.Property(t => t.ToStatus).HasColumnName("to_status").HasConversion<string>().HasMaxLength(32);
            transition.Property(t => t.Actor).HasColumnName("actor").HasMaxLength(200);
            transition.Property(t => t.At).HasColumnName("at");
            transition.Property(t => t.Note).HasColumnName("note").HasMaxLength(1000);
            transition.Property(t => t.ReasonCode).HasColumnName("reason_code").HasMaxLength(40);
            transition.HasIndex(t => new { t.RequestId, t.At }).HasDatabaseName("ix_request_transitions_request");
        });
    }
}
