using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.UrbanPlanning.Domain.Requests;

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
            document.Property(d => d.Number).HasColumnName("number").HasMaxLength(DocumentNumber.Length).ValueGeneratedNever();
            document.Property(d => d.RequestId).HasColumnName("request_id");
            document.Property(d => d.FileNumber).HasColumnName("file_number").HasMaxLength(FileNumber.Length);
            document.Property(d => d.ServiceType).HasColumnName("type").HasMaxLength(40);
            document.Property(d => d.RenovationCode).HasColumnName("renovation_code").HasMaxLength(80);
            document.Property(d => d.District).HasColumnName("district");
            document.Property(d => d.IssuedAt).HasColumnName("issued_at");
            document.Property(d => d.ExpiresAt).HasColumnName("expires_at");
            document.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Supersedes).HasColumnName("supersedes").HasMaxLength(DocumentNumber.Length);
            document.Property(d => d.HolderName).HasColumnName("holder_name").HasMaxLength(200);
            document.Property(d => d.HolderNationalId).HasColumnName("holder_national_id").HasMaxLength(11);
            document.Property(d => d.KeyId).HasColumnName("key_id").HasMaxLength(DocumentKey.MaxKeyIdLength);
            document.Property(d => d.SignedPayload).HasColumnName("signed_payload").HasMaxLength(DocumentQrFormat.MaxTextLength);
            document.Property(d => d.Pdf).HasColumnName("pdf");
            document.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64);
            document.Property(d => d.RevokedAt).HasColumnName("revoked_at");
            document.Property(d => d.RevokedBy).HasColumnName("revoked_by").HasMaxLength(200);
            document.Property(d => d.RevocationReason).HasColumnName("revocation_reason").HasMaxLength(RevocationReasonMaxLength);
            document.Property(d => d.RowVersion).IsRowVersion();

            // One document per request: a second issue of the same request would fail the commit.
            document.HasIndex(d => d.RequestId).IsUnique().HasDatabaseName(RequestIndex);
            document.HasIndex(d => new { d.FileNumber, d.ServiceType }).HasDatabaseName("ix_issued_documents_file_type");
            document.HasOne<ServiceRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DocumentSigningKey>(key =>
        {
            key.ToTable("document_signing_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(DocumentKey.MaxKeyIdLength).ValueGeneratedNever();
            key.Property(k => k.PrivateKeyPkcs8).HasColumnName("private_key_pkcs8");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
        });
    }
}
