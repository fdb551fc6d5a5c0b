using CityEServices.UrbanPlanning.Domain.Supervision;

namespace CityEServices.UrbanPlanning.Data;

internal static class SupervisionMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Engineer>(engineer =>
        {
            engineer.ToTable("engineers", t => t.HasCheckConstraint("ck_engineers_capacity", $"capacity BETWEEN 1 AND {Engineer.MaxCapacity}"));
            engineer.HasKey(e => e.LicenceNumber);
            engineer.Property(e => e.LicenceNumber).HasColumnName("licence_number").HasMaxLength(20);
            engineer.Property(e => e.FullName).HasColumnName("full_name").HasMaxLength(200);
            engineer.Property(e => e.Grade).HasColumnName("grade").HasConversion<string>().HasMaxLength(16);
            engineer.Property(e => e.Capacity).HasColumnName("capacity");
            engineer.Property(e => e.RegisteredAt).HasColumnName("registered_at");
        });

        modelBuilder.Entity<SupervisorAssignment>(assignment =>
        {
            assignment.ToTable("supervisor_assignments");
            assignment.HasKey(a => a.Id);
            assignment.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            assignment.Property(a => a.FileNumber).HasColumnName("file_number").HasMaxLength(11);
            assignment.Property(a => a.PermitNumber).HasColumnName("permit_number").HasMaxLength(40);
            assignment.Property(a => a.LicenceNumber).HasColumnName("licence_number").HasMaxLength(20);
            assignment.Property(a => a.AssignedAt).HasColumnName("assigned_at");
            assignment.Property(a => a.AssignedBy).HasColumnName("assigned_by").HasMaxLength(200);
            assignment.Property(a => a.CompletedAt).HasColumnName("completed_at");
            assignment.HasOne<Engineer>().WithMany().HasForeignKey(a => a.LicenceNumber).OnDelete(DeleteBehavior.Restrict);
            // One engineer supervises a permit at a time.
            assignment.HasIndex(a => a.PermitNumber).IsUnique().HasFilter("completed_at IS NULL").HasDatabaseName("ix_supervisor_assignments_active_permit");
            assignment.HasIndex(a => a.LicenceNumber).HasDatabaseName("ix_supervisor_assignments_engineer");
            assignment.HasIndex(a => a.FileNumber).HasDatabaseName("ix_supervisor_assignments_file");
        });

        modelBuilder.Entity<SupervisorReport>(report =>
        {
            report.ToTable("supervisor_reports");
            report.HasKey(r => r.Id);
            report.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            report.Property(r => r.AssignmentId).HasColumnName("assignment_id");
            report.Property(r => r.FileNumber).HasColumnName("file_number").HasMaxLength(11);
            report.Property(r => r.LicenceNumber).HasColumnName("licence_number").HasMaxLength(20);
            report.Property(r => r.Stage).HasColumnName("stage").HasConversion<string>().HasMaxLength(16);
            report.Property(r => r.DocumentId).HasColumnName("document_id");
            report.Property(r => r.FiledAt).HasColumnName("filed_at");
            report.Property(r => r.FiledBy).HasColumnName("filed_by").HasMaxLength(200);
            report.HasOne<SupervisorAssignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
            report.HasIndex(r => new { r.AssignmentId, r.Stage }).IsUnique().HasDatabaseName("ix_supervisor_reports_stage");
            report.HasIndex(r => r.FileNumber).HasDatabaseName("ix_supervisor_reports_file");
        });

        modelBuilder.Entity<ArchivedDocument>(document =>
        {
            document.ToTable("archived_documents");
            document.HasKey(d => d.DocumentId);
            document.Property(d => d.DocumentId).HasColumnName("document_id").ValueGeneratedNever();
            document.Property(d => d.Category).HasColumnName("category").HasMaxLength(40);
            document.Property(d => d.FileNumber).HasColumnName("file_number").HasMaxLength(40);
            document.Property(d => d.RenovationCode).HasColumnName("renovation_code").HasMaxLength(80);
            document.Property(d => d.ArchivedAt).HasColumnName("archived_at");
        });
    }
}
