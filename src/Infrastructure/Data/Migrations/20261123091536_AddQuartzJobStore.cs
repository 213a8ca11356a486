using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Infrastructure.Data.Migrations
{
    /// <summary>Creates Quartz's persistent job store tables in their own schema (see Data/Sql/quartz_tables_postgres.sql).</summary>
    public partial class AddQuartzJobStore : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE SCHEMA IF NOT EXISTS quartz;");
            foreach (var statement in QuartzSchema.Statements())
            {
                migrationBuilder.Sql(statement);
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP SCHEMA IF EXISTS quartz CASCADE;");
        }
    }
}
