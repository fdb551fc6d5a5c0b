using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <summary>
    /// Hand-written, without a target model (the chain columns are not mapped): inserts into the audit trails
    /// stop taking the table's lock until commit, and a sealer chains them after they commit
    /// (see docs/decisions/0009-audit-chain.md).
    /// </summary>
    [DbContext(typeof(ArchiveDbContext))]
    [Migration("20261204220000_AuditChainSealing")]
    public partial class AuditChainSealing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.InstallSealing(ArchiveDbContext.ContentReadsTable, lockKey: 1));
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.InstallSealing(ArchiveDbContext.DisposalsTable, lockKey: 2, orderPendingBy: "disposed_at, id"));
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.InstallSealing(ArchiveDbContext.AuditHeadsTable, lockKey: 3));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.UninstallSealing(ArchiveDbContext.AuditHeadsTable, lockKey: 3));
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.UninstallSealing(ArchiveDbContext.DisposalsTable, lockKey: 2));
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.UninstallSealing(ArchiveDbContext.ContentReadsTable, lockKey: 1));
        }
    }
}
