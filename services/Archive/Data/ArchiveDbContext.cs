namespace CityEServices.Archive.Data;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    /// <summary>The archive's hash-chained audit trails (see the AuditChain migration).</summary>
    public const string ContentReadsTable = "content_reads";

    public const string DisposalsTable = "disposals";

    public const string AuditHeadsTable = "audit_heads";

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();

    public DbSet<Disposal> Disposals => Set<Disposal>();

    public DbSet<ContentRead> ContentReads => Set<ContentRead>();

    public DbSet<FixityCheck> FixityChecks => Set<FixityCheck>();

    public DbSet<FixityFinding> FixityFindings => Set<FixityFinding>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        // The schedule of the fixity jobs (Jobs/), shared by every replica.
        modelBuilder.AddJobLeases();

        // Other services' chain heads: one row per head heard (the same head from two replicas once).
        modelBuilder.Entity<AuditHead>(head =>
        {
            head.ToTable(AuditHeadsTable, t => t.HasCheckConstraint("ck_audit_heads_hash", "hash ~ '^[0-9a-f]{64}$'"));
            head.HasKey(h => h.Id);
            head.Property(h => h.Id).UseIdentityAlwaysColumn();
            head.Property(h => h.Service).HasMaxLength(40);
            head.Property(h => h.Trail).HasMaxLength(63);
            head.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
            head.HasIndex(h => new { h.Service, h.Trail, h.Sequence }).IsUnique().HasDatabaseName("ux_audit_heads_service_trail_sequence");
        });

        modelBuilder.Entity<Dossier>(dossier =>
        {
            dossier.ToTable("dossiers");
            dossier.HasKey(d => d.FileNumber);
            dossier.Property(d => d.FileNumber).HasMaxLength(FileNumbers.Length).ValueGeneratedNever();
            dossier.Property(d => d.RenovationCode).HasMaxLength(80);
            dossier.Property(d => d.OfficeCode).HasMaxLength(12);
            // Dossiers opened before holders were kept have none: nobody uploads to them as a citizen until urban
            // planning announces their holders (at the next transfer). The default also serves raw inserts.
            dossier.Property(d => d.HolderNationalIds).HasDefaultValueSql("'{}'::text[]");
            dossier.HasIndex(d => d.RenovationCode).HasDatabaseName("ix_dossiers_renovation_code");
        });

        modelBuilder.Entity<Document>(document =>
        {
            document.ToTable("documents", t =>
            {
                t.HasCheckConstraint("ck_documents_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                t.HasCheckConstraint("ck_documents_size", "size_bytes >= 0");
                t.HasCheckConstraint("ck_documents_version", "version >= 1");
            });
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).ValueGeneratedNever();
            document.Property(d => d.CategoryCode).HasMaxLength(40);
            document.Property(d => d.RenovationCode).HasMaxLength(80);
            document.Property(d => d.FileNumber).HasMaxLength(FileNumbers.Length);
            document.Property(d => d.Title).HasMaxLength(300);
            document.Property(d => d.Source).HasConversion<string>().HasMaxLength(32);
            document.Property(d => d.DocumentNumber).HasMaxLength(IssuedDocumentNumbers.Length);
            document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
            document.Property(d => d.ContentType).HasMaxLength(100);
            document.Property(d => d.CreatedBy).HasMaxLength(200);
            document.Ignore(d => d.IsDisposed);

            // The two ways documents are asked for: by file (dossier, completeness) and by property
            // (a document already archived for the property counts for every later file).
            document.HasIndex(d => new { d.FileNumber, d.CategoryCode }).HasDatabaseName("ix_documents_file_number");
            document.HasIndex(d => new { d.RenovationCode, d.CategoryCode }).HasDatabaseName("ix_documents_renovation_code");
            document.HasIndex(d => d.Sha256).HasDatabaseName("ix_documents_sha256");
            document.HasIndex(d => d.District).HasDatabaseName("ix_documents_district");
            document.HasIndex(d => d.CreatedAt).HasDatabaseName("ix_documents_created_at");
            // Two concurrent uploads cannot both become version n of the same document.
            document.HasIndex(d => new { d.FileNumber, d.RenovationCode, d.CategoryCode, d.Title, d.Version })
                .IsUnique().AreNullsDistinct(false).HasDatabaseName("ux_documents_version");
            // An issued document is archived once, however often its rendering is announced.
            document.HasIndex(d => d.DocumentNumber).IsUnique()
                .HasFilter("document_number IS NOT NULL").HasDatabaseName("ux_documents_document_number");
            // The same content is held once per dossier (or, for scans of a property without a file, once per property).
            document.HasIndex(d => new { d.FileNumber, d.Sha256 }).IsUnique()
                .HasFilter("file_number IS NOT NULL AND disposed_at IS NULL").HasDatabaseName("ux_documents_file_content");
            document.HasIndex(d => new { d.RenovationCode, d.Sha256 }).IsUnique()
                .HasFilter("file_number IS NULL AND disposed_at IS NULL").HasDatabaseName("ux_documents_property_content");
        });

        modelBuilder.Entity<LegalHold>(hold =>
        {
            hold.ToTable("legal_holds", t => t.HasCheckConstraint("ck_legal_holds_scope", "file_number IS NOT NULL OR renovation_code IS NOT NULL OR document_id IS NOT NULL"));
            hold.HasKey(h => h.Id);
            hold.Property(h => h.Id).ValueGeneratedNever();
            hold.Property(h => h.FileNumber).HasMaxLength(FileNumbers.Length);
            hold.Property(h => h.RenovationCode).HasMaxLength(80);
            hold.Property(h => h.Reason).HasMaxLength(1000);
            hold.Property(h => h.PlacedBy).HasMaxLength(200);
            hold.Property(h => h.ReleasedBy).HasMaxLength(200);
            hold.Property(h => h.ReleaseReason).HasMaxLength(1000);
            hold.Ignore(h => h.IsActive);
        });

        modelBuilder.Entity<Disposal>(disposal =>
        {
            disposal.ToTable(DisposalsTable);
            disposal.HasKey(d => d.Id);
            disposal.Property(d => d.Id).ValueGeneratedNever();
            disposal.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
            disposal.Property(d => d.CategoryCode).HasMaxLength(40);
            disposal.Property(d => d.Reason).HasMaxLength(1000);
            disposal.Property(d => d.DisposedBy).HasMaxLength(200);
            disposal.HasIndex(d => d.DocumentId).IsUnique().HasDatabaseName("ux_disposals_document_id");
        });

        modelBuilder.Entity<ContentRead>(read =>
        {
            read.ToTable(ContentReadsTable);
            read.HasKey(r => r.Id);
            read.Property(r => r.Id).UseIdentityAlwaysColumn();
            read.Property(r => r.Actor).HasMaxLength(200);
            read.Property(r => r.Range).HasMaxLength(200);
            read.HasIndex(r => new { r.DocumentId, r.ReadAt }).HasDatabaseName("ix_content_reads_document_id");
        });

        modelBuilder.Entity<FixityCheck>(check =>
        {
            check.ToTable("fixity_checks");
            check.HasKey(c => c.Id);
            check.Property(c => c.Id).ValueGeneratedNever();
            check.Property(c => c.Trigger).HasConversion<string>().HasMaxLength(16);
            check.Property(c => c.FileNumber).HasMaxLength(FileNumbers.Length);
            check.Property(c => c.RequestedBy).HasMaxLength(200);
            // Status and progress are concurrency tokens: two replicas can never both record the same batch.
            check.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            check.Property(c => c.CheckedThrough).HasMaxLength(64).IsFixedLength().IsConcurrencyToken();
            check.HasMany(c => c.Findings).WithOne().HasForeignKey(f => f.CheckId);
            check.HasIndex(c => c.RequestedAt).HasDatabaseName("ix_fixity_checks_requested_at");
            // The worker's question, every few seconds on every replica: which runs are not done yet?
            check.HasIndex(c => c.Status).HasDatabaseName("ix_fixity_checks_unfinished").HasFilter("status <> 'Completed'");
        });

        modelBuilder.Entity<FixityFinding>(finding =>
        {
            finding.ToTable("fixity_findings");
            finding.HasKey(f => f.Id);
            finding.Property(f => f.Id).UseIdentityAlwaysColumn();
            finding.Property(f => f.ExpectedSha256).HasMaxLength(64).IsFixedLength();
            finding.Property(f => f.ActualSha256).HasMaxLength(64).IsFixedLength();
            finding.Property(f => f.Problem).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.UseSnakeCaseNames();
    }
}
