using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Property.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "properties",
                columns: table => new
                {
                    renovation_code = table.Column<string>(type: "character varying(69)", maxLength: 69, nullable: false),
                    district = table.Column<int>(type: "integer", nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    postal_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    land_area_m2 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    building_area_m2 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    floors = table.Column<int>(type: "integer", nullable: false),
                    usage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    completed_construction_building_area_m2 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    completed_construction_certificate_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    completed_construction_floors = table.Column<int>(type: "integer", nullable: true),
                    completed_construction_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    permitted_construction_building_area_m2 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    permitted_construction_floors = table.Column<int>(type: "integer", nullable: true),
                    permitted_construction_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    permitted_construction_permit_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    permitted_construction_usage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    registration_plate_main = table.Column<int>(type: "integer", nullable: false),
                    registration_plate_section = table.Column<int>(type: "integer", nullable: false),
                    registration_plate_sub = table.Column<int>(type: "integer", nullable: false),
                    restrictions_legal_hold = table.Column<bool>(type: "boolean", nullable: false),
                    restrictions_under_construction = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_properties", x => x.renovation_code);
                    table.CheckConstraint("ck_properties_district", "district BETWEEN 1 AND 22");
                });

            migrationBuilder.CreateTable(
                name: "property_owners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    renovation_code = table.Column<string>(type: "character varying(69)", maxLength: 69, nullable: false),
                    party_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    party_id = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    share_numerator = table.Column<long>(type: "bigint", nullable: false),
                    share_denominator = table.Column<long>(type: "bigint", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_property_owners", x => x.id);
                    table.CheckConstraint("ck_property_owners_period", "valid_to IS NULL OR valid_to >= valid_from");
                    table.CheckConstraint("ck_property_owners_share_positive", "share_numerator > 0 AND share_denominator > 0");
                    table.ForeignKey(
                        name: "fk_property_owners_properties_renovation_code",
                        column: x => x.renovation_code,
                        principalTable: "properties",
                        principalColumn: "renovation_code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "occurred_at" },
                filter: "published_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_published_at",
                table: "outbox_messages",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_properties_district",
                table: "properties",
                column: "district");

            migrationBuilder.CreateIndex(
                name: "ix_properties_postal_code",
                table: "properties",
                column: "postal_code");

            migrationBuilder.CreateIndex(
                name: "ix_property_owners_party_id",
                table: "property_owners",
                column: "party_id");

            migrationBuilder.CreateIndex(
                name: "ux_property_owners_current_party",
                table: "property_owners",
                columns: new[] { "renovation_code", "party_id" },
                unique: true,
                filter: "valid_to IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "property_owners");

            migrationBuilder.DropTable(
                name: "properties");
        }
    }
}
