using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>A database whose one migration the server cannot parse, as PostgreSQL 14 cannot parse 15's NULLS NOT DISTINCT.</summary>
public sealed class UnparsableDb(DbContextOptions<UnparsableDb> options) : DbContext(options);

[DbContext(typeof(UnparsableDb))]
[Migration("20261206000000_Unparsable")]
public sealed class Unparsable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_nowhere ON nowhere (a) NULLS SOMETIMES DISTINCT;");
}
