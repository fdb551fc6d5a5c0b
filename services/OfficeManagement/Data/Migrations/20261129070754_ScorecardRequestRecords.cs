using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.OfficeManagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScorecardRequestRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "request_records",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    service_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_count = table.Column<int>(type: "integer", nullable: false),
                    returned_for_missing_documents = table.Column<bool>(type: "boolean", nullable: false),
                    rejected = table.Column<bool>(type: "boolean", nullable: false),
                    sla_breached = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    waited_for_documents = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_records", x => x.request_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_request_records_office_code_service_type",
                table: "request_records",
                columns: new[] { "office_code", "service_type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_records");
        }
    }
}
