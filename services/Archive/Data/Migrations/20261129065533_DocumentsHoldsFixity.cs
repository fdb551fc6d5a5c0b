using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsHoldsFixity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "disposed_at",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "content_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    range = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_content_reads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    category_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    retained_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    disposed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    disposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content_removed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fixity_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    documents_checked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fixity_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    renovation_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    placed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    release_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_holds", x => x.id);
                    table.CheckConstraint("ck_legal_holds_scope", "file_number IS NOT NULL OR renovation_code IS NOT NULL OR document_id IS NOT NULL");
                });

            migrationBuilder.CreateTable(
                name: "fixity_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    check_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expected_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    actual_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    problem = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fixity_findings", x => x.id);
                    table.ForeignKey(
                        name: "FK_fixity_findings_fixity_checks_check_id",
                        column: x => x.check_id,
                        principalTable: "fixity_checks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documents_created_at",
                table: "documents",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_documents_district",
                table: "documents",
                column: "district");

            migrationBuilder.CreateIndex(
                name: "ux_documents_file_content",
                table: "documents",
                columns: new[] { "file_number", "sha256" },
                unique: true,
                filter: "file_number IS NOT NULL AND disposed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_documents_property_content",
                table: "documents",
                columns: new[] { "renovation_code", "sha256" },
                unique: true,
                filter: "file_number IS NULL AND disposed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_documents_version",
                table: "documents",
                columns: new[] { "file_number", "renovation_code", "category_code", "title", "version" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_content_reads_document_id",
                table: "content_reads",
                columns: new[] { "document_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ux_disposals_document_id",
                table: "disposals",
                column: "document_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fixity_checks_started_at",
                table: "fixity_checks",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_fixity_findings_check_id",
                table: "fixity_findings",
                column: "check_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "content_reads");

            migrationBuilder.DropTable(
                name: "disposals");

            migrationBuilder.DropTable(
                name: "fixity_findings");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "fixity_checks");

            migrationBuilder.DropIndex(
                name: "ix_documents_created_at",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ix_documents_district",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ux_documents_file_content",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ux_documents_property_content",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ux_documents_version",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "disposed_at",
                table: "documents");
        }
    }
}
