using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class IssuedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_signing_keys",
                columns: table => new
                {
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    private_key_pkcs8 = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_signing_keys", x => x.key_id);
                });

            migrationBuilder.CreateTable(
                name: "issued_documents",
                columns: table => new
                {
                    number = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    renovation_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    district = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    supersedes = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    holder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    holder_national_id = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    signed_payload = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issued_documents", x => x.number);
                    table.CheckConstraint("ck_issued_documents_number", "number ~ '^[0-9A-HJKMNP-TV-Z]{13}$'");
                    table.ForeignKey(
                        name: "FK_issued_documents_service_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_file_type",
                table: "issued_documents",
                columns: new[] { "file_number", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_request",
                table: "issued_documents",
                column: "request_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_signing_keys");

            migrationBuilder.DropTable(
                name: "issued_documents");
        }
    }
}
