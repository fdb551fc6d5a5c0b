using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <summary>
    /// Keys, foreign keys and indexes take the snake_case names the model now gives them, as in every
    /// other service (PK_documents to pk_documents); renamed in place (<see cref="ConstraintRenames"/>).
    /// </summary>
    public partial class SnakeCaseConstraintNames : Migration
    {
        private static readonly (string Table, string From, string To)[] Constraints =
        [
            ("archived_documents", "PK_archived_documents", "pk_archived_documents"),
            ("document_signing_keys", "PK_document_signing_keys", "pk_document_signing_keys"),
            ("engineers", "PK_engineers", "pk_engineers"),
            ("file_changes", "FK_file_changes_files_file_number", "fk_file_changes_files_file_number"),
            ("file_changes", "PK_file_changes", "pk_file_changes"),
            ("file_number_sequences", "PK_file_number_sequences", "pk_file_number_sequences"),
            ("files", "PK_files", "pk_files"),
            ("inbox_messages", "PK_inbox_messages", "pk_inbox_messages"),
            ("issued_documents", "FK_issued_documents_service_requests_request_id", "fk_issued_documents_service_requests_request_id"),
            ("issued_documents", "PK_issued_documents", "pk_issued_documents"),
            ("job_leases", "PK_job_leases", "pk_job_leases"),
            ("outbox_messages", "PK_outbox_messages", "pk_outbox_messages"),
            ("payment_orders", "FK_payment_orders_service_requests_request_id", "fk_payment_orders_service_requests_request_id"),
            ("payment_orders", "PK_payment_orders", "pk_payment_orders"),
            ("payments", "FK_payments_payment_orders_order_id", "fk_payments_payment_orders_order_id"),
            ("payments", "PK_payments", "pk_payments"),
            ("request_transitions", "FK_request_transitions_service_requests_request_id", "fk_request_transitions_service_requests_request_id"),
            ("request_transitions", "PK_request_transitions", "pk_request_transitions"),
            ("service_requests", "FK_service_requests_files_file_number", "fk_service_requests_files_file_number"),
            ("service_requests", "PK_service_requests", "pk_service_requests"),
            ("sla_breaches", "FK_sla_breaches_service_requests_request_id", "fk_sla_breaches_service_requests_request_id"),
            ("supervisor_assignments", "FK_supervisor_assignments_engineers_licence_number", "fk_supervisor_assignments_engineers_licence_number"),
            ("supervisor_assignments", "PK_supervisor_assignments", "pk_supervisor_assignments"),
            ("supervisor_reports", "FK_supervisor_reports_supervisor_assignments_assignment_id", "fk_supervisor_reports_supervisor_assignments_assignment_id"),
            ("supervisor_reports", "PK_supervisor_reports", "pk_supervisor_reports"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraints(Constraints);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraints(Constraints.Reversed());
        }
    }
}
