using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the chain lives in triggers, not in the EF model (see docs/decisions/0009-audit-chain.md).
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Install(IdentityDbContext.AccountChangesTable, lockKey: 4));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Uninstall(IdentityDbContext.AccountChangesTable));
        }
    }
}
