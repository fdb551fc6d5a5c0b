using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_heads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    trail = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_heads", x => x.id);
                    table.CheckConstraint("ck_audit_heads_hash", "hash ~ '^[0-9a-f]{64}$'");
                });

            migrationBuilder.CreateIndex(
                name: "ux_audit_heads_service_trail_sequence",
                table: "audit_heads",
                columns: new[] { "service", "trail", "sequence" },
                unique: true);

            // Append-only and hash-chained like the archive's own trails: the evidence must not be editable either.
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Install(ArchiveDbContext.AuditHeadsTable, lockKey: 3));
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Uninstall(ArchiveDbContext.AuditHeadsTable));
            migrationBuilder.DropTable(
                name: "audit_heads");
        }
    }
}
