using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Property.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransfersAndHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_property_owners_current_party",
                table: "property_owners");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_changed_at",
                table: "properties",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "property_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    renovation_code = table.Column<string>(type: "character varying(69)", maxLength: 69, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    from_party_id = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    to_party_id = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    share_numerator = table.Column<long>(type: "bigint", nullable: true),
                    share_denominator = table.Column<long>(type: "bigint", nullable: true),
                    reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    legal_hold_after = table.Column<bool>(type: "boolean", nullable: false),
                    under_construction_after = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_property_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_property_history_properties_renovation_code",
                        column: x => x.renovation_code,
                        principalTable: "properties",
                        principalColumn: "renovation_code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_property_owners_renovation_code_valid_from",
                table: "property_owners",
                columns: new[] { "renovation_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_property_history_renovation_code_at",
                table: "property_history",
                columns: new[] { "renovation_code", "at" });

            // Checked at commit: a transfer closes a holding and opens its successor for the same party in one save.
            migrationBuilder.Sql("""
                ALTER TABLE property_owners ADD CONSTRAINT ex_property_owners_current_party
                    EXCLUDE USING btree (renovation_code WITH =, party_id WITH =) WHERE (valid_to IS NULL)
                    DEFERRABLE INITIALLY DEFERRED;
                UPDATE properties SET last_changed_at = registered_at;
                INSERT INTO property_history (id, renovation_code, at, kind, actor, legal_hold_after, under_construction_after)
                    SELECT gen_random_uuid(), renovation_code, registered_at, 'Registered', registered_by,
                           restrictions_legal_hold, restrictions_under_construction
                    FROM properties;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE property_owners DROP CONSTRAINT ex_property_owners_current_party;");

            migrationBuilder.DropTable(
                name: "property_history");

            migrationBuilder.DropIndex(
                name: "ix_property_owners_renovation_code_valid_from",
                table: "property_owners");

            migrationBuilder.DropColumn(
                name: "last_changed_at",
                table: "properties");

            migrationBuilder.CreateIndex(
                name: "ux_property_owners_current_party",
                table: "property_owners",
                columns: new[] { "renovation_code", "party_id" },
                unique: true,
                filter: "valid_to IS NULL");
        }
    }
}
