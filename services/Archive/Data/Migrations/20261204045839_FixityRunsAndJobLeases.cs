using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <inheritdoc />
    public partial class FixityRunsAndJobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_fixity_checks_started_at",
                table: "fixity_checks");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "started_at",
                table: "fixity_checks",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "finished_at",
                table: "fixity_checks",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<string>(
                name: "checked_through",
                table: "fixity_checks",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "documents_total",
                table: "fixity_checks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "requested_at",
                table: "fixity_checks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "fixity_checks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Completed");

            // Checks made before runs were queued were done within their request: completed, requested
            // when they started, and covering what they checked. The defaults were only for those rows.
            migrationBuilder.Sql("UPDATE fixity_checks SET requested_at = started_at, documents_total = documents_checked;");
            migrationBuilder.Sql("ALTER TABLE fixity_checks ALTER COLUMN status DROP DEFAULT, ALTER COLUMN requested_at DROP DEFAULT, ALTER COLUMN documents_total DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    next_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    runs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_leases", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fixity_checks_requested_at",
                table: "fixity_checks",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ix_fixity_checks_unfinished",
                table: "fixity_checks",
                column: "status",
                filter: "status <> 'Completed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_leases");

            migrationBuilder.DropIndex(
                name: "ix_fixity_checks_requested_at",
                table: "fixity_checks");

            migrationBuilder.DropIndex(
                name: "ix_fixity_checks_unfinished",
                table: "fixity_checks");

            migrationBuilder.DropColumn(
                name: "checked_through",
                table: "fixity_checks");

            migrationBuilder.DropColumn(
                name: "documents_total",
                table: "fixity_checks");

            migrationBuilder.DropColumn(
                name: "requested_at",
                table: "fixity_checks");

            migrationBuilder.DropColumn(
                name: "status",
                table: "fixity_checks");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "started_at",
                table: "fixity_checks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "finished_at",
                table: "fixity_checks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_fixity_checks_started_at",
                table: "fixity_checks",
                column: "started_at");
        }
    }
}
