namespace CityEServices.UrbanPlanning.Data;

public sealed class UrbanPlanningDbContext(DbContextOptions<UrbanPlanningDbContext> options) : DbContext(options)
{
    public const string FilesTable = "files";

    /// <summary>The request history: append-only and hash-chained (see <see cref="AuditChain"/>).</summary>
    public const string TransitionsTable = "request_transitions";
    public const string TrackingCodeIndex = "ix_files_tracking_code";
    public const string RenovationCodeIndex = "ix_files_renovation_code";

    public DbSet<UrbanPlanningFile> Files => Set<UrbanPlanningFile>();

    public DbSet<FileChange> FileChanges => Set<FileChange>();

    public DbSet<FileNumberSequence> FileNumberSequences => Set<FileNumberSequence>();

    public DbSet<ServiceRequest> Requests => Set<ServiceRequest>();

    public DbSet<RequestTransition> Transitions => Set<RequestTransition>();

    public DbSet<Engineer> Engineers => Set<Engineer>();

    public DbSet<SupervisorAssignment> SupervisorAssignments => Set<SupervisorAssignment>();

    public DbSet<SupervisorReport> SupervisorReports => Set<SupervisorReport>();

    public DbSet<ArchivedDocument> ArchivedDocuments => Set<ArchivedDocument>();

    public DbSet<PaymentOrder> PaymentOrders => Set<PaymentOrder>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Domain.Documents.IssuedDocument> IssuedDocuments => Set<Domain.Documents.IssuedDocument>();

    public DbSet<DocumentSigningKey> DocumentSigningKeys => Set<DocumentSigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.AddJobLeases();

        modelBuilder.Entity<UrbanPlanningFile>(file =>
        {
            file.ToTable(FilesTable, t =>
            {
                t.HasCheckConstraint("ck_files_district", $"district BETWEEN {Districts.Min} AND {Districts.Max}");
                t.HasCheckConstraint("ck_files_file_number", "file_number ~ '^[0-9]{11}$'");
            });
            file.HasKey(f => f.FileNumber);
            file.Property(f => f.FileNumber).HasMaxLength(FileNumber.Length).ValueGeneratedNever();
            file.Property(f => f.TrackingCode).HasMaxLength(TrackingCode.Length);
            file.Property(f => f.RenovationCode).HasMaxLength(80);
            file.Property(f => f.OfficeCode).HasMaxLength(OfficeCode.MaxLength);
            file.Property(f => f.ApplicantNationalId).HasMaxLength(10);
            file.Property(f => f.ApplicantMobile).HasMaxLength(13);
            file.Property(f => f.Status).HasConversion<string>().HasMaxLength(32);
            file.Property(f => f.OpenedBy).HasMaxLength(200);
            file.Property(f => f.OpenedByName).HasMaxLength(200);

            // The tracking code is the key of the anonymous lookup; the index both serves it and makes a
            // (astronomically unlikely) collision fail the insert instead of pointing two files at one code.
            file.HasIndex(f => f.TrackingCode).IsUnique().HasDatabaseName(TrackingCodeIndex);
            // A property has one urban-planning file; this also stops two counters racing to open it.
            file.HasIndex(f => f.RenovationCode).IsUnique().HasDatabaseName(RenovationCodeIndex);
            file.HasIndex(f => new { f.District, f.OpenedAt }).HasDatabaseName("ix_files_district");
            file.HasIndex(f => new { f.OfficeCode, f.OpenedAt }).HasDatabaseName("ix_files_office");
            file.HasIndex(f => f.ApplicantNationalId).HasDatabaseName("ix_files_applicant");
            // "Which files may this citizen see": a GIN index answers holder_national_ids @> ARRAY[id].
            file.HasIndex(f => f.HolderNationalIds).HasMethod("gin").HasDatabaseName("ix_files_holders");
        });

        modelBuilder.Entity<FileChange>(change =>
        {
            change.ToTable("file_changes");
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.FileNumber).HasMaxLength(FileNumber.Length);
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
            change.Property(c => c.FromOfficeCode).HasMaxLength(OfficeCode.MaxLength);
            change.Property(c => c.ToOfficeCode).HasMaxLength(OfficeCode.MaxLength);
            change.Property(c => c.Actor).HasMaxLength(200);
            change.HasOne<UrbanPlanningFile>().WithMany().HasForeignKey(c => c.FileNumber).OnDelete(DeleteBehavior.Restrict);
            change.HasIndex(c => new { c.FileNumber, c.At }).HasDatabaseName("ix_file_changes_file");
        });

        modelBuilder.Entity<FileNumberSequence>(sequence =>
        {
            sequence.ToTable(FileNumberAllocator.Table, t =>
                t.HasCheckConstraint("ck_file_number_sequences_last_value", $"last_value BETWEEN 1 AND {FileNumber.MaxSequence}"));
            sequence.HasKey(s => s.District);
            sequence.Property(s => s.District).ValueGeneratedNever();
        });

        ServiceRequestMapping.Map(modelBuilder);
        SupervisionMapping.Map(modelBuilder);
        PaymentMapping.Map(modelBuilder);
        IssuedDocumentMapping.Map(modelBuilder);
        SlaBreachMapping.Map(modelBuilder);
        modelBuilder.UseSnakeCaseNames();
    }
}
