namespace CityEServices.UrbanPlanning.Data;

internal static class IssuedDocumentMapping
{
    public const string Table = "issued_documents";
    public const string RequestIndex = "ix_issued_documents_request";
    public const int RevocationReasonMaxLength = 1000;

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IssuedDocument>(document =>
        {
            document.ToTable(Table, t => t.HasCheckConstraint("ck_issued_documents_number", "number ~ '^[0-9A-HJKMNP-TV-Z]{13}$'"));
            document.HasKey(d => d.Number);
            document.Property(d => d.Number).HasMaxLength(DocumentNumber.Length).ValueGeneratedNever();
            document.Property(d => d.FileNumber).HasMaxLength(FileNumber.Length);
            document.Property(d => d.ServiceType).HasColumnName("type").HasMaxLength(40);
            document.Property(d => d.RenovationCode).HasMaxLength(80);
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Supersedes).HasMaxLength(DocumentNumber.Length);
            document.Property(d => d.HolderName).HasMaxLength(200);
            document.Property(d => d.HolderNationalId).HasMaxLength(11);
            document.Property(d => d.KeyId).HasMaxLength(DocumentKey.MaxKeyIdLength);
            document.Property(d => d.SignedPayload).HasMaxLength(DocumentQrFormat.MaxTextLength);
            document.Property(d => d.Sha256).HasMaxLength(64);
            document.Property(d => d.RevokedBy).HasMaxLength(200);
            document.Property(d => d.RevocationReason).HasMaxLength(RevocationReasonMaxLength);
            document.Property(d => d.RowVersion).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");

            // One document per request: a second issue of the same request would fail the commit.
            document.HasIndex(d => d.RequestId).IsUnique().HasDatabaseName(RequestIndex);
            document.HasIndex(d => new { d.FileNumber, d.ServiceType }).HasDatabaseName("ix_issued_documents_file_type");
            document.HasOne<ServiceRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DocumentSigningKey>(key =>
        {
            key.ToTable("document_signing_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasMaxLength(DocumentKey.MaxKeyIdLength).ValueGeneratedNever();
        });
    }
}
