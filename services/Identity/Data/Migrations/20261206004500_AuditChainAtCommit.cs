using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Identity.Data.Migrations
{
    /// <summary>
    /// Hand-written, without a target model (the chain columns are not mapped): the audit trails are chained
    /// inside the commit instead of on insert, so a writer no longer holds the trail's lock across its round
    /// trips (see docs/decisions/0009-audit-chain.md).
    /// </summary>
    [DbContext(typeof(IdentityDbContext))]
    [Migration("20261206004500_AuditChainAtCommit")]
    public partial class AuditChainAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.ChainAtCommit(IdentityDbContext.AccountChangesTable, lockKey: 4));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.ChainOnInsert(IdentityDbContext.AccountChangesTable, lockKey: 4));
        }
    }
}
