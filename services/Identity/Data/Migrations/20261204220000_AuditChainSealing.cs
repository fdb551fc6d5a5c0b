using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Identity.Data.Migrations
{
    /// <summary>
    /// Hand-written, without a target model (the chain columns are not mapped): inserts into the audit trails
    /// stop taking the table's lock until commit, and a sealer chains them after they commit
    /// (see docs/decisions/0009-audit-chain.md).
    /// </summary>
    [DbContext(typeof(IdentityDataContext))]
    [Migration("20261204220000_AuditChainSealing")]
    public partial class AuditChainSealing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.InstallSealing(IdentityDataContext.AccountChangesTable, lockKey: 4));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.UninstallSealing(IdentityDataContext.AccountChangesTable, lockKey: 4));
        }
    }
}
