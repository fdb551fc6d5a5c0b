using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaWorkingDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                table: "service_requests",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "sla_breaches",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_breaches", x => x.request_id);
                    table.ForeignKey(
                        name: "FK_sla_breaches_service_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Requests made before the clock counted working days keep a calendar-day due date (a lower
            // bound of the working-day one); their next move computes it anew.
            migrationBuilder.Sql("""
                UPDATE service_requests
                SET due_at = submitted_at + make_interval(days => sla_days) + returned_time
                WHERE submitted_at IS NOT NULL
                """);

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_due",
                table: "service_requests",
                columns: new[] { "status", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_leases");

            migrationBuilder.DropTable(
                name: "sla_breaches");

            migrationBuilder.DropIndex(
                name: "ix_service_requests_due",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "service_requests");
        }
    }
}
