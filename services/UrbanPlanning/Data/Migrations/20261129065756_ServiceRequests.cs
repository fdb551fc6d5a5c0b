using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archived_documents",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    renovation_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archived_documents", x => x.document_id);
                });

            migrationBuilder.CreateTable(
                name: "engineers",
                columns: table => new
                {
                    licence_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engineers", x => x.licence_number);
                    table.CheckConstraint("ck_engineers_capacity", "capacity BETWEEN 1 AND 50");
                });

            migrationBuilder.CreateTable(
                name: "service_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    service_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rules_version = table.Column<int>(type: "integer", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    missing_document_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sla_days = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    returned_time = table.Column<TimeSpan>(type: "interval", nullable: false),
                    returned_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fee_rial = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    payment_receipt = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    issued_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_requests", x => x.id);
                    table.ForeignKey(
                        name: "FK_service_requests_files_file_number",
                        column: x => x.file_number,
                        principalTable: "files",
                        principalColumn: "file_number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervisor_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    permit_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    licence_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervisor_assignments", x => x.id);
                    table.ForeignKey(
                        name: "FK_supervisor_assignments_engineers_licence_number",
                        column: x => x.licence_number,
                        principalTable: "engineers",
                        principalColumn: "licence_number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reason_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_transitions", x => x.id);
                    table.ForeignKey(
                        name: "FK_request_transitions_service_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervisor_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    licence_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervisor_reports", x => x.id);
                    table.ForeignKey(
                        name: "FK_supervisor_reports_supervisor_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "supervisor_assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_request_transitions_request",
                table: "request_transitions",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_awaiting",
                table: "service_requests",
                column: "status",
                filter: "status = 'AwaitingDocuments'");

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_file",
                table: "service_requests",
                columns: new[] { "file_number", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_issued_number",
                table: "service_requests",
                column: "issued_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_assignments_active_permit",
                table: "supervisor_assignments",
                column: "permit_number",
                unique: true,
                filter: "completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_assignments_engineer",
                table: "supervisor_assignments",
                column: "licence_number");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_assignments_file",
                table: "supervisor_assignments",
                column: "file_number");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_reports_file",
                table: "supervisor_reports",
                column: "file_number");

            migrationBuilder.CreateIndex(
                name: "ix_supervisor_reports_stage",
                table: "supervisor_reports",
                columns: new[] { "assignment_id", "stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archived_documents");

            migrationBuilder.DropTable(
                name: "request_transitions");

            migrationBuilder.DropTable(
                name: "supervisor_reports");

            migrationBuilder.DropTable(
                name: "service_requests");

            migrationBuilder.DropTable(
                name: "supervisor_assignments");

            migrationBuilder.DropTable(
                name: "engineers");
        }
    }
}
