using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RefundTrackingAndMoneyAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "provider_refund_id",
                table: "payments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refund_accepted_at",
                table: "payments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_awaiting_refund",
                table: "payments",
                column: "refund_requested_at",
                filter: "status = 'Succeeded' AND refund_requested_at IS NOT NULL AND refund_accepted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payments_awaiting_refund",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "provider_refund_id",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "refund_accepted_at",
                table: "payments");
        }
    }
}
