using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.OfficeManagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestRecordsSubmittedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_request_records_submitted_at",
                table: "request_records",
                column: "submitted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_request_records_submitted_at",
                table: "request_records");
        }
    }
}
