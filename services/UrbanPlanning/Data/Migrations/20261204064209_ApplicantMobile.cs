using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicantMobile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "applicant_mobile",
                table: "files",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "applicant_mobile",
                table: "files");
        }
    }
}
