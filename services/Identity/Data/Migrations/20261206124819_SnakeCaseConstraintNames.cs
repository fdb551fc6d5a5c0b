using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Identity.Data.Migrations
{
    /// <summary>
    /// Keys, foreign keys and indexes take the snake_case names the model now gives them, as in every
    /// other service (PK_documents to pk_documents); renamed in place (<see cref="ConstraintRenames"/>).
    /// </summary>
    public partial class SnakeCaseConstraintNames : Migration
    {
        private static readonly (string Table, string From, string To)[] Constraints =
        [
            ("account_changes", "PK_account_changes", "pk_account_changes"),
            ("clients", "PK_clients", "pk_clients"),
            ("data_protection_keys", "PK_data_protection_keys", "pk_data_protection_keys"),
            ("inbox_messages", "PK_inbox_messages", "pk_inbox_messages"),
            ("job_leases", "PK_job_leases", "pk_job_leases"),
            ("outbox_messages", "PK_outbox_messages", "pk_outbox_messages"),
            ("revocations", "PK_revocations", "pk_revocations"),
            ("sign_in_codes", "PK_sign_in_codes", "pk_sign_in_codes"),
            ("signing_keys", "PK_signing_keys", "pk_signing_keys"),
            ("users", "PK_users", "pk_users"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraints(Constraints);
            migrationBuilder.RenameIndex(name: "IX_account_changes_account_at", table: "account_changes", newName: "ix_account_changes_account_at");
            migrationBuilder.RenameIndex(name: "IX_clients_created_at", table: "clients", newName: "ix_clients_created_at");
            migrationBuilder.RenameIndex(name: "IX_revocations_revoked_at", table: "revocations", newName: "ix_revocations_revoked_at");
            migrationBuilder.RenameIndex(name: "IX_revocations_subject_revoked_at", table: "revocations", newName: "ix_revocations_subject_revoked_at");
            migrationBuilder.RenameIndex(name: "IX_sign_in_codes_national_id_issued_at", table: "sign_in_codes", newName: "ix_sign_in_codes_national_id_issued_at");
            migrationBuilder.RenameIndex(name: "IX_users_user_name", table: "users", newName: "ix_users_user_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameConstraints(Constraints.Reversed());
            migrationBuilder.RenameIndex(name: "ix_account_changes_account_at", table: "account_changes", newName: "IX_account_changes_account_at");
            migrationBuilder.RenameIndex(name: "ix_clients_created_at", table: "clients", newName: "IX_clients_created_at");
            migrationBuilder.RenameIndex(name: "ix_revocations_revoked_at", table: "revocations", newName: "IX_revocations_revoked_at");
            migrationBuilder.RenameIndex(name: "ix_revocations_subject_revoked_at", table: "revocations", newName: "IX_revocations_subject_revoked_at");
            migrationBuilder.RenameIndex(name: "ix_sign_in_codes_national_id_issued_at", table: "sign_in_codes", newName: "IX_sign_in_codes_national_id_issued_at");
            migrationBuilder.RenameIndex(name: "ix_users_user_name", table: "users", newName: "IX_users_user_name");
        }
    }
}
