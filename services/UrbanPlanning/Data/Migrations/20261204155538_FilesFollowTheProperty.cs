using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class FilesFollowTheProperty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "applicant_national_id",
                table: "service_requests",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "holder_national_ids",
                table: "files",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            // Until a transfer is heard, a file's holder is the applicant who opened it.
            migrationBuilder.Sql("UPDATE files SET holder_national_ids = ARRAY[applicant_national_id]::text[];");
            migrationBuilder.Sql("ALTER TABLE files ALTER COLUMN holder_national_ids DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "file_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_office_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    to_office_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    holder_count = table.Column<int>(type: "integer", nullable: true),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_file_changes_files_file_number",
                        column: x => x.file_number,
                        principalTable: "files",
                        principalColumn: "file_number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_files_holders",
                table: "files",
                column: "holder_national_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_file_changes_file",
                table: "file_changes",
                columns: new[] { "file_number", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "file_changes");

            migrationBuilder.DropIndex(
                name: "ix_files_holders",
                table: "files");

            migrationBuilder.DropColumn(
                name: "applicant_national_id",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "holder_national_ids",
                table: "files");
        }
    }
}
