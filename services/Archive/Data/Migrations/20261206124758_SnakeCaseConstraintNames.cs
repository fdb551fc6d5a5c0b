using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <summary>
    /// Keys, foreign keys and indexes take the snake_case names the model now gives them, as in every
    /// other service (PK_documents to pk_documents); renamed in place (<see cref="ConstraintRenames"/>).
    /// </summary>
    public partial class SnakeCaseConstraintNames : Migration
    {
        private static readonly (string Table, string From, string To)[] Constraints =
        [
            ("audit_heads", "PK_audit_heads", "pk_audit_heads"),
            ("content_reads", "PK_content_reads", "pk_content_reads"),
            ("disposals", "PK_disposals", "pk_disposals"),
            ("documents", "PK_documents", "pk_documents"),
            ("dossiers", "PK_dossiers", "pk_dossiers"),
            ("fixity_checks", "PK_fixity_checks", "pk_fixity_checks"),
            ("fixity_findings", "FK_fixity_findings_fixity_checks_check_id", "fk_fixity_findings_fixity_checks_check_id"),
            ("fixity_findings", "PK_fixity_findings", "pk_fixity_findings"),
            ("inbox_messages", "PK_inbox_messages", "pk_inbox_messages"),
            ("job_leases", "PK_job_leases", "pk_job_leases"),
            ("legal_holds", "PK_legal_holds", "pk_legal_holds"),
            ("outbox_messages", "PK_outbox_messages", "pk_outbox_messages"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraints(Constraints);
            migrationBuilder.RenameIndex(name: "IX_fixity_findings_check_id", table: "fixity_findings", newName: "ix_fixity_findings_check_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraints(Constraints.Reversed());
            migrationBuilder.RenameIndex(name: "ix_fixity_findings_check_id", table: "fixity_findings", newName: "IX_fixity_findings_check_id");
        }
    }
}
