using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.OfficeManagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the chain lives in triggers, not in the EF model (see docs/decisions/0009-audit-chain.md).
            // The entries' ids are random (uuid), so the rows already there are chained in the order they were written.
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Install(OfficeManagementDbContext.StatusChangesTable, lockKey: 3, orderExistingBy: "changed_at, id"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Uninstall(OfficeManagementDbContext.StatusChangesTable));
        }
    }
}
