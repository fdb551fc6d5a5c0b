using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class CitizenSignInContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "applicant_national_id",
                table: "file_contacts",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_file_contacts_applicant_national_id_recorded_at",
                table: "file_contacts",
                columns: new[] { "applicant_national_id", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_file_contacts_applicant_national_id_recorded_at",
                table: "file_contacts");

            migrationBuilder.DropColumn(
                name: "applicant_national_id",
                table: "file_contacts");
        }
    }
}
