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
            head.Property(h => h.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            head.Property(h => h.Service).HasColumnName("service").HasMaxLength(40);
            head.Property(h => h.Trail).HasColumnName("trail").HasMaxLength(63);
            head.Property(h => h.Sequence).HasColumnName("sequence");
            head.Property(h => h.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength();
            head.Property(h => h.PublishedAt).HasColumnName("published_at");
            head.Property(h => h.ReceivedAt).HasColumnName("received_at");
            head.HasIndex(h => new { h.Service, h.Trail, h.Sequence }).IsUnique().HasDatabaseName("ux_audit_heads_service_trail_sequence");
        });

        modelBuilder.Entity<Dossier>(dossier =>
        {
            dossier.ToTable("dossiers");
            dossier.HasKey(d => d.FileNumber);
            dossier.Property(d => d.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumbers.Length).ValueGeneratedNever();
            dossier.Property(d => d.RenovationCode).HasColumnName("renovation_code").HasMaxLength(80);
            dossier.Property(d => d.District).HasColumnName("district");
            dossier.Property(d => d.OfficeCode).HasColumnName("office_code").HasMaxLength(12);
            // Dossiers opened before holders were kept have none: nobody uploads to them as a citizen until urban
            // planning announces their holders (at the next transfer). The default also serves raw inserts.
            dossier.Property(d => d.HolderNationalIds).HasColumnName("holder_national_ids").HasDefaultValueSql("'{}'::text[]");
            dossier.Property(d => d.OfficeChangedAt).HasColumnName("office_changed_at");
            dossier.Property(d => d.HoldersChangedAt).HasColumnName("holders_changed_at");
            dossier.Property(d => d.OpenedAt).HasColumnName("opened_at");
            dossier.Property(d => d.CreatedAt).HasColumnName("created_at");
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
            document.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            document.Property(d => d.CategoryCode).HasColumnName("category_code").HasMaxLength(40);
            document.Property(d => d.RenovationCode).HasColumnName("renovation_code").HasMaxLength(80);
            document.Property(d => d.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumbers.Length);
            document.Property(d => d.District).HasColumnName("district");
            document.Property(d => d.Title).HasColumnName("title").HasMaxLength(300);
            document.Property(d => d.Source).HasColumnName("source").HasConversion<string>().HasMaxLength(32);
            document.Property(d => d.DocumentNumber).HasColumnName("document_number").HasMaxLength(IssuedDocumentNumbers.Length);
            document.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
            document.Property(d => d.SizeBytes).HasColumnName("size_bytes");
            document.Property(d => d.ContentType).HasColumnName("content_type").HasMaxLength(100);
            document.Property(d => d.Pages).HasColumnName("pages");
            document.Property(d => d.Version).HasColumnName("version");
            document.Property(d => d.ScannedAt).HasColumnName("scanned_at");
            document.Property(d => d.CreatedAt).HasColumnName("created_at");
            document.Property(d => d.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
            document.Property(d => d.DisposedAt).HasColumnName("disposed_at");
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
            hold.Property(h => h.Id).HasColumnName("id").ValueGeneratedNever();
            hold.Property(h => h.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumbers.Length);
            hold.Property(h => h.RenovationCode).HasColumnName("renovation_code").HasMaxLength(80);
            hold.Property(h => h.DocumentId).HasColumnName("document_id");
            hold.Property(h => h.Reason).HasColumnName("reason").HasMaxLength(1000);
            hold.Property(h => h.PlacedBy).HasColumnName("placed_by").HasMaxLength(200);
            hold.Property(h => h.PlacedAt).HasColumnName("placed_at");
            hold.Property(h => h.ReleasedBy).HasColumnName("released_by").HasMaxLength(200);
            hold.Property(h => h.ReleasedAt).HasColumnName("released_at");
            hold.Property(h => h.ReleaseReason).HasColumnName("release_reason").HasMaxLength(1000);
            hold.Ignore(h => h.IsActive);
        });

        modelBuilder.Entity<Disposal>(disposal =>
        {
            disposal.ToTable(DisposalsTable);
            disposal.HasKey(d => d.Id);
            disposal.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            disposal.Property(d => d.DocumentId).HasColumnName("document_id");
            disposal.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
            disposal.Property(d => d.CategoryCode).HasColumnName("category_code").HasMaxLength(40);
            disposal.Property(d => d.RetainedUntil).HasColumnName("retained_until");
            disposal.Property(d => d.Reason).HasColumnName("reason").HasMaxLength(1000);
            disposal.Property(d => d.DisposedBy).HasColumnName("disposed_by").HasMaxLength(200);
            disposal.Property(d => d.DisposedAt).HasColumnName("disposed_at");
            disposal.Property(d => d.ContentRemoved).HasColumnName("content_removed");
            disposal.HasIndex(d => d.DocumentId).IsUnique().HasDatabaseName("ux_disposals_document_id");
        });

        modelBuilder.Entity<ContentRead>(read =>
        {
            read.ToTable(ContentReadsTable);
            read.HasKey(r => r.Id);
            read.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            read.Property(r => r.DocumentId).HasColumnName("document_id");
            read.Property(r => r.Actor).HasColumnName("actor").HasMaxLength(200);
            read.Property(r => r.ReadAt).HasColumnName("read_at");
            read.Property(r => r.Range).HasColumnName("range").HasMaxLength(200);
            read.HasIndex(r => new { r.DocumentId, r.ReadAt }).HasDatabaseName("ix_content_reads_document_id");
        });

        modelBuilder.Entity<FixityCheck>(check =>
        {
            check.ToTable("fixity_checks");
            check.HasKey(c => c.Id);
            check.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
            check.Property(c => c.Trigger).HasColumnName("trigger").HasConversion<string>().HasMaxLength(16);
            check.Property(c => c.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumbers.Length);
            check.Property(c => c.RequestedBy).HasColumnName("requested_by").HasMaxLength(200);
            check.Property(c => c.RequestedAt).HasColumnName("requested_at");
            // Status and progress are concurrency tokens: two replicas can never both record the same batch.
            check.Property(c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            check.Property(c => c.StartedAt).HasColumnName("started_at");
            check.Property(c => c.FinishedAt).HasColumnName("finished_at");
            check.Property(c => c.DocumentsTotal).HasColumnName("documents_total");
            check.Property(c => c.DocumentsChecked).HasColumnName("documents_checked");
            check.Property(c => c.CheckedThrough).HasColumnName("checked_through").HasMaxLength(64).IsFixedLength().IsConcurrencyToken();
            check.HasMany(c => c.Findings).WithOne().HasForeignKey(f => f.CheckId);
            check.HasIndex(c => c.RequestedAt).HasDatabaseName("ix_fixity_checks_requested_at");
            // The worker's question, every few seconds on every replica: which runs are not done yet?
            check.HasIndex(c => c.Status).HasDatabaseName("ix_fixity_checks_unfinished").HasFilter("status <> 'Completed'");
        });

        modelBuilder.Entity<FixityFinding>(finding =>
        {
            finding.ToTable("fixity_findings");
            finding.HasKey(f => f.Id);
            finding.Property(f => f.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            finding.Property(f => f.CheckId).HasColumnName("check_id");
            finding.Property(f => f.DocumentId).HasColumnName("document_id");
            finding.Property(f => f.ExpectedSha256).HasColumnName("expected_sha256").HasMaxLength(64).IsFixedLength();
            finding.Property(f => f.ActualSha256).HasColumnName("actual_sha256").HasMaxLength(64).IsFixedLength();
            finding.Property(f => f.Problem).HasColumnName("problem").HasConversion<string>().HasMaxLength(16);
        });
    }
}
