using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.Property.Data.Migrations
{
    /// <summary>
    /// Hand-written, without a target model: the model does not change, the chain lives in triggers
    /// (see docs/decisions/0009-audit-chain.md). The reads of citizens' data are an audit trail as much as
    /// the history is, so they get a chain of their own (lock key 5; the history has 2).
    /// </summary>
    [DbContext(typeof(PropertyDbContext))]
    [Migration("20261204162500_PersonalDataReadsChain")]
    public partial class PersonalDataReadsChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Install(PropertyDbContext.PersonalDataReadsTable, lockKey: 5));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityEServices.Messaging.Persistence.AuditChain.Uninstall(PropertyDbContext.PersonalDataReadsTable));
        }
    }
}
