namespace CityEServices.Property.Data;

public sealed class PropertyDbContext(DbContextOptions<PropertyDbContext> options) : DbContext(options)
{
    public DbSet<RealProperty> Properties => Set<RealProperty>();

    public DbSet<Ownership> Ownerships => Set<Ownership>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    /// <summary>The registry's history: append-only and hash-chained (see <see cref="AuditChain"/>).</summary>
    public const string HistoryTable = "property_history";

    public const string PersonalDataReadsTable = "personal_data_reads";

    /// <summary>The audit of reads of citizens' data (<see cref="PersonalDataRead"/>).</summary>
    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    /// <summary>
    /// One current holding per party and property, checked at commit rather than per statement: a
    /// transfer closes a holding and opens its successor for the same party in one save, in whatever
    /// order EF sends them. Created by the migration (EF cannot model a deferrable exclusion constraint).
    /// </summary>
    public const string CurrentHoldingConstraint = "ex_property_owners_current_party";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Value types are stored in their canonical text; only valid values ever reach the database.
        configurationBuilder.Properties<RenovationCode>()
            .HaveConversion<RenovationCodeConverter>()
            .HaveMaxLength(RenovationCode.MaxLength);
        configurationBuilder.Properties<PostalCode>()
            .HaveConversion<PostalCodeConverter>()
            .HaveMaxLength(PostalCode.Length);
        configurationBuilder.Properties<decimal>().HavePrecision(14, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RealProperty>(ConfigureProperty);
        modelBuilder.Entity<Ownership>(ConfigureOwnership);
        modelBuilder.Entity<HistoryEntry>(ConfigureHistory);
        modelBuilder.Entity<PersonalDataRead>(ConfigurePersonalDataReads);
        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }

    private static void ConfigureProperty(EntityTypeBuilder<RealProperty> property)
    {
        property.ToTable("properties");
        property.HasKey(p => p.RenovationCode);
        property.Property(p => p.Address).HasMaxLength(500);
        property.Property(p => p.Usage).HasConversion<string>().HasMaxLength(32);
        property.Property(p => p.RegisteredBy).HasMaxLength(200);
        // PostgreSQL's system column: changes on every update, costs no storage, needs no migration.
        property.Property(p => p.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        property.Ignore(p => p.CurrentOwners);

        property.ComplexProperty(p => p.RegistrationPlate);
        property.ComplexProperty(p => p.Restrictions);
        property.ComplexProperty(p => p.PermittedConstruction, permitted =>
        {
            permitted.Property(c => c.PermitNumber).HasMaxLength(64);
            permitted.Property(c => c.Usage).HasMaxLength(32);
        });
        property.ComplexProperty(p => p.CompletedConstruction, completed =>
            completed.Property(c => c.CertificateNumber).HasMaxLength(64));

        property.HasMany(p => p.Owners)
            .WithOne()
            .HasForeignKey(o => o.RenovationCode)
            .OnDelete(DeleteBehavior.Restrict);
        property.Navigation(p => p.Owners).HasField("_owners");

        property.HasMany(p => p.History)
            .WithOne()
            .HasForeignKey(h => h.RenovationCode)
            .OnDelete(DeleteBehavior.Restrict);
        property.Navigation(p => p.History).HasField("_history");

        property.HasIndex(p => p.District);
        property.HasIndex(p => p.PostalCode);
        property.ToTable(t => t.HasCheckConstraint("ck_properties_district", "district BETWEEN 1 AND 22"));
    }

    private static void ConfigureOwnership(EntityTypeBuilder<Ownership> ownership)
    {
        ownership.ToTable("property_owners", t =>
        {
            t.HasCheckConstraint("ck_property_owners_share_positive", "share_numerator > 0 AND share_denominator > 0");
            t.HasCheckConstraint("ck_property_owners_period", "valid_to IS NULL OR valid_to >= valid_from");
        });
        ownership.HasKey(o => o.Id);
        ownership.Property(o => o.Id).ValueGeneratedNever();
        ownership.Property(o => o.PartyType).HasConversion<string>().HasMaxLength(16);
        ownership.Property(o => o.PartyId).HasMaxLength(11);
        ownership.Property(o => o.FullName).HasMaxLength(200);
        ownership.Ignore(o => o.Party);
        ownership.Ignore(o => o.Share);
        ownership.Ignore(o => o.IsCurrent);

        // One current holding per party and property is CurrentHoldingConstraint; history rows are unconstrained.
        ownership.HasIndex(o => new { o.RenovationCode, o.ValidFrom });
        ownership.HasIndex(o => o.PartyId);
    }

    private static void ConfigureHistory(EntityTypeBuilder<HistoryEntry> history)
    {
        // Its chain columns (chain_seq, prev_hash, entry_hash) are not mapped: the insert trigger fills them.
        history.ToTable(HistoryTable);
        history.HasKey(h => h.Id);
        history.Property(h => h.Id).ValueGeneratedNever();
        history.Property(h => h.Kind).HasConversion<string>().HasMaxLength(32);
        history.Property(h => h.Actor).HasMaxLength(200);
        history.Property(h => h.Note).HasMaxLength(500);
        history.Property(h => h.FromPartyId).HasMaxLength(11);
        history.Property(h => h.ToPartyId).HasMaxLength(11);
        history.Property(h => h.Reference).HasMaxLength(64);
        history.Ignore(h => h.Share);
        history.Ignore(h => h.RestrictionsAfter);
        history.HasIndex(h => new { h.RenovationCode, h.At });
    }

    private static void ConfigurePersonalDataReads(EntityTypeBuilder<PersonalDataRead> read)
    {
        read.ToTable(PersonalDataReadsTable);
        read.HasKey(r => r.Id);
        read.Property(r => r.Id).UseIdentityAlwaysColumn();
        read.Property(r => r.Actor).HasMaxLength(200);
        read.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        read.Property(r => r.RenovationCode).HasMaxLength(RenovationCode.MaxLength);
        read.Property(r => r.Query).HasMaxLength(500);
        read.Property(r => r.CorrelationId).HasMaxLength(128);
        read.HasIndex(r => new { r.RenovationCode, r.ReadAt });
        read.HasIndex(r => new { r.Actor, r.ReadAt });
    }

    private sealed class RenovationCodeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<RenovationCode, string>(
        code => code.Value, text => RenovationCode.Parse(text));

    private sealed class PostalCodeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<PostalCode, string>(
        code => code.Value, text => PostalCode.Parse(text));
}
