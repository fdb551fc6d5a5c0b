using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <inheritdoc />
    public partial class CitizenUploadsAndHandOvers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "holder_national_ids",
                table: "dossiers",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "holders_changed_at",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "office_changed_at",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "holder_national_ids",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "holders_changed_at",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "office_changed_at",
                table: "dossiers");
        }
    }
}
