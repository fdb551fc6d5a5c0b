using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "file_number_sequences",
                columns: table => new
                {
                    district = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_number_sequences", x => x.district);
                    table.CheckConstraint("ck_file_number_sequences_last_value", "last_value BETWEEN 1 AND 999999999");
                });

            migrationBuilder.CreateTable(
                name: "files",
                columns: table => new
                {
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    tracking_code = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    renovation_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    district = table.Column<int>(type: "integer", nullable: false),
                    office_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant_national_id = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_files", x => x.file_number);
                    table.CheckConstraint("ck_files_district", "district BETWEEN 1 AND 22");
                    table.CheckConstraint("ck_files_file_number", "file_number ~ '^[0-9]{11}$'");
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_files_applicant",
                table: "files",
                column: "applicant_national_id");

            migrationBuilder.CreateIndex(
                name: "ix_files_district",
                table: "files",
                columns: new[] { "district", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_files_office",
                table: "files",
                columns: new[] { "office_code", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_files_renovation_code",
                table: "files",
                column: "renovation_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_files_tracking_code",
                table: "files",
                column: "tracking_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "occurred_at" },
                filter: "published_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_published_at",
                table: "outbox_messages",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "file_number_sequences");

            migrationBuilder.DropTable(
                name: "files");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");
        }
    }
}
