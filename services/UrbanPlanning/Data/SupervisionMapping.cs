namespace CityEServices.UrbanPlanning.Data;

internal static class SupervisionMapping
{
    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Engineer>(engineer =>
        {
            engineer.ToTable("engineers", t => t.HasCheckConstraint("ck_engineers_capacity", $"capacity BETWEEN 1 AND {Engineer.MaxCapacity}"));
            engineer.HasKey(e => e.LicenceNumber);
            engineer.Property(e => e.LicenceNumber).HasMaxLength(20);
            engineer.Property(e => e.FullName).HasMaxLength(200);
            engineer.Property(e => e.Grade).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<SupervisorAssignment>(assignment =>
        {
            assignment.ToTable("supervisor_assignments");
            assignment.HasKey(a => a.Id);
            assignment.Property(a => a.Id).ValueGeneratedNever();
            assignment.Property(a => a.FileNumber).HasMaxLength(11);
            assignment.Property(a => a.PermitNumber).HasMaxLength(40);
            assignment.Property(a => a.LicenceNumber).HasMaxLength(20);
            assignment.Property(a => a.AssignedBy).HasMaxLength(200);
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
            report.Property(r => r.Id).ValueGeneratedNever();
            report.Property(r => r.FileNumber).HasMaxLength(11);
            report.Property(r => r.LicenceNumber).HasMaxLength(20);
            report.Property(r => r.Stage).HasConversion<string>().HasMaxLength(16);
            report.Property(r => r.FiledBy).HasMaxLength(200);
            report.HasOne<SupervisorAssignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
            report.HasIndex(r => new { r.AssignmentId, r.Stage }).IsUnique().HasDatabaseName("ix_supervisor_reports_stage");
            report.HasIndex(r => r.FileNumber).HasDatabaseName("ix_supervisor_reports_file");
        });

        modelBuilder.Entity<ArchivedDocument>(document =>
        {
            document.ToTable("archived_documents");
            document.HasKey(d => d.DocumentId);
            document.Property(d => d.DocumentId).ValueGeneratedNever();
            document.Property(d => d.Category).HasMaxLength(40);
            document.Property(d => d.FileNumber).HasMaxLength(40);
            document.Property(d => d.RenovationCode).HasMaxLength(80);
        });
    }
}
