using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class FileContactGivenAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_file_contacts_applicant_national_id_recorded_at",
                table: "file_contacts");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "given_at",
                table: "file_contacts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Contacts heard before: the opening's time from the event log where it is still kept, else when it was heard.
            migrationBuilder.Sql("""
                UPDATE file_contacts c SET given_at = COALESCE(
                    (SELECT e.time FROM event_log e WHERE e.event_id = c.event_id), c.recorded_at);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_file_contacts_applicant_national_id_given_at",
                table: "file_contacts",
                columns: new[] { "applicant_national_id", "given_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_file_contacts_applicant_national_id_given_at",
                table: "file_contacts");

            migrationBuilder.DropColumn(
                name: "given_at",
                table: "file_contacts");

            migrationBuilder.CreateIndex(
                name: "ix_file_contacts_applicant_national_id_recorded_at",
                table: "file_contacts",
                columns: new[] { "applicant_national_id", "recorded_at" });
        }
    }
}
