using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CityEServices.OfficeManagement.Data;

public sealed class OfficeManagementDbContext(DbContextOptions<OfficeManagementDbContext> options) : DbContext(options)
{
    public DbSet<Office> Offices => Set<Office>();

    public DbSet<Licence> Licences => Set<Licence>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<QualificationAttempt> QualificationAttempts => Set<QualificationAttempt>();

    public DbSet<OfficeStatusChange> OfficeStatusChanges => Set<OfficeStatusChange>();

    public DbSet<RequestRecord> RequestRecords => Set<RequestRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<OfficeCode>().HaveConversion<OfficeCodeConverter>().HaveMaxLength(OfficeCode.MaxLength);
        configurationBuilder.Properties<NationalId>().HaveConversion<NationalIdConverter>().HaveMaxLength(NationalId.Length);
        configurationBuilder.Properties<decimal>().HavePrecision(5, 2);
    }

    /// <summary>The offices' status history: append-only and hash-chained (see <see cref="AuditChain"/>).</summary>
    public const string StatusChangesTable = "office_status_changes";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Office>(ConfigureOffice);
        modelBuilder.Entity<Licence>(ConfigureLicence);
        modelBuilder.Entity<StaffMember>(ConfigureStaff);
        modelBuilder.Entity<QualificationAttempt>(ConfigureAttempt);
        modelBuilder.Entity<OfficeStatusChange>(ConfigureStatusChange);
        modelBuilder.Entity<RequestRecord>(ConfigureRequestRecord);
        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }

    private static void ConfigureOffice(EntityTypeBuilder<Office> office)
    {
        office.ToTable("offices", t => t.HasCheckConstraint("ck_offices_district", "district BETWEEN 1 AND 22"));
        office.HasKey(o => o.Code);
        office.Property(o => o.Name).HasMaxLength(Office.MaxNameLength);
        office.Property(o => o.Address).HasMaxLength(Office.MaxAddressLength);
        office.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        office.Property(o => o.CreatedBy).HasMaxLength(200);
        // PostgreSQL's system column: changes on every update, costs no storage, needs no migration.
        office.Property(o => o.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        office.Ignore(o => o.CanServe);
        office.HasMany(o => o.Licences).WithOne().HasForeignKey(l => l.OfficeCode).OnDelete(DeleteBehavior.Restrict);
        office.Navigation(o => o.Licences).HasField("_licences");
    }

    private static void ConfigureLicence(EntityTypeBuilder<Licence> licence)
    {
        licence.ToTable("office_licences");
        licence.HasKey(l => l.Id);
        licence.Property(l => l.Id).ValueGeneratedNever();
        licence.Property(l => l.ServiceType).HasMaxLength(64);
        licence.Property(l => l.GrantedBy).HasMaxLength(200);
        licence.Property(l => l.RevokedBy).HasMaxLength(200);
        licence.Ignore(l => l.IsActive);
        // Revoking updates "WHERE id = @id AND revoked_at IS NULL": of two revokes racing (on any replica)
        // the second waits for the first's row lock, then matches nothing and its transaction, outbox row
        // included, rolls back.
        licence.Property(l => l.RevokedAt).IsConcurrencyToken();
        // At most one unrevoked licence per office and service type, whoever races to grant it.
        licence.HasIndex(l => new { l.OfficeCode, l.ServiceType })
            .IsUnique()
            .HasFilter("revoked_at IS NULL")
            .HasDatabaseName("ux_office_licences_active");
    }

    private static void ConfigureStaff(EntityTypeBuilder<StaffMember> staff)
    {
        staff.ToTable("staff_members");
        staff.HasKey(s => s.Id);
        staff.Property(s => s.Id).ValueGeneratedNever();
        staff.Property(s => s.FullName).HasMaxLength(StaffMember.MaxNameLength);
        staff.Property(s => s.Role).HasConversion<string>().HasMaxLength(32);
        staff.Property(s => s.AddedBy).HasMaxLength(200);
        staff.Property(s => s.DeactivatedBy).HasMaxLength(200);
        staff.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(16);
        staff.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeCode).OnDelete(DeleteBehavior.Restrict);
        // A person is active staff at one office at most.
        staff.HasIndex(s => s.NationalId)
            .IsUnique()
            .HasFilter("active")
            .HasDatabaseName("ux_staff_members_active_person");
        staff.HasIndex(s => new { s.OfficeCode, s.NationalId });
    }

    private static void ConfigureAttempt(EntityTypeBuilder<QualificationAttempt> attempt)
    {
        attempt.ToTable("qualification_attempts", t =>
            t.HasCheckConstraint("ck_qualification_attempts_score", "score IS NULL OR score BETWEEN 0 AND 100"));
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).UseIdentityAlwaysColumn();
        attempt.Property(a => a.ServiceType).HasMaxLength(64);
        attempt.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        attempt.Property(a => a.RecordedBy).HasMaxLength(200);
        attempt.HasIndex(a => new { a.NationalId, a.ServiceType, a.RecordedAt });
    }

    private static void ConfigureStatusChange(EntityTypeBuilder<OfficeStatusChange> change)
    {
        // Its chain columns (chain_seq, prev_hash, entry_hash) are not mapped: the insert trigger fills them.
        change.ToTable(StatusChangesTable);
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.ChangedBy).HasMaxLength(200);
        change.Property(c => c.Note).HasMaxLength(OfficeStatusChange.MaxNoteLength);
        change.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeCode).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.OfficeCode, c.ChangedAt });
    }

    private static void ConfigureRequestRecord(EntityTypeBuilder<RequestRecord> record)
    {
        record.ToTable("request_records");
        record.HasKey(r => r.RequestId);
        record.Property(r => r.RequestId).ValueGeneratedNever();
        record.Property(r => r.OfficeCode).HasMaxLength(64);
        record.Property(r => r.ServiceType).HasMaxLength(64);
        record.Property(r => r.FileNumber).HasMaxLength(32);
        record.Property(r => r.Status).HasMaxLength(32);
        // Rials: whole numbers far beyond the convention's (5, 2).
        record.Property(r => r.FeePaidRial).HasPrecision(18, 0);
        record.Property(r => r.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        record.HasIndex(r => new { r.OfficeCode, r.ServiceType });
        // Open data reads a range of submission months: without it a cache miss scans every record.
        record.HasIndex(r => r.SubmittedAt);
    }

    private sealed class OfficeCodeConverter() : ValueConverter<OfficeCode, string>(code => code.Value, text => OfficeCode.Parse(text));

    private sealed class NationalIdConverter() : ValueConverter<NationalId, string>(id => id.Value, text => NationalId.Parse(text));
}
