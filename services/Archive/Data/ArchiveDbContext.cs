using CityEServices.Archive.Domain;
using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Data;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();

        modelBuilder.Entity<Dossier>(dossier =>
        {
            dossier.ToTable("dossiers");
            dossier.HasKey(d => d.FileNumber);
            dossier.Property(d => d.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumbers.Length).ValueGeneratedNever();
            dossier.Property(d => d.RenovationCode).HasColumnName("renovation_code").HasMaxLength(80);
            dossier.Property(d => d.District).HasColumnName("district");
            dossier.Property(d => d.OfficeCode).HasColumnName("office_code").HasMaxLength(12);
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
            document.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
            document.Property(d => d.SizeBytes).HasColumnName("size_bytes");
            document.Property(d => d.ContentType).HasColumnName("content_type").HasMaxLength(100);
            document.Property(d => d.Pages).HasColumnName("pages");
            document.Property(d => d.Version).HasColumnName("version");
            document.Property(d => d.ScannedAt).HasColumnName("scanned_at");
            document.Property(d => d.CreatedAt).HasColumnName("created_at");

            // The two ways documents are asked for: by file (dossier, completeness) and by property
            // (a document already archived for the property counts for every later file).
            document.HasIndex(d => new { d.FileNumber, d.CategoryCode }).HasDatabaseName("ix_documents_file_number");
            document.HasIndex(d => new { d.RenovationCode, d.CategoryCode }).HasDatabaseName("ix_documents_renovation_code");
            document.HasIndex(d => d.Sha256).HasDatabaseName("ix_documents_sha256");
        });
    }
}
