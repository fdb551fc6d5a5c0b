using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Archive.Data.Migrations
{
    /// <summary>
    /// Hand-written, without a target model: the model does not change, the chains live in triggers
    /// (see docs/decisions/0009-audit-chain.md). The archive's audit trails are the reads of content and
    /// the disposals, both only ever inserted. Legal holds are not chained: a release updates the hold's row.
    /// </summary>
    [DbContext(typeof(ArchiveDbContext))]
    [Migration("20261204162600_AuditChain")]
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Install(ArchiveDbContext.ContentReadsTable, lockKey: 1));
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Install(ArchiveDbContext.DisposalsTable, lockKey: 2, orderExistingBy: "disposed_at, id"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Uninstall(ArchiveDbContext.DisposalsTable));
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Uninstall(ArchiveDbContext.ContentReadsTable));
        }
    }
}
