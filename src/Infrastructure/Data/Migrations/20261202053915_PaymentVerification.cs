using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_payments_active_per_claim",
                table: "payments");

            migrationBuilder.CreateTable(
                name: "simulated_charges",
                columns: table => new
                {
                    reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    paid = table.Column<bool>(type: "boolean", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    transaction_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_simulated_charges", x => x.reference);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_pending_created_at",
                table: "payments",
                column: "created_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ux_payments_active_per_claim",
                table: "payments",
                column: "claim_id",
                unique: true,
                filter: "claim_id IS NOT NULL AND (status = 'Pending' OR (status = 'Succeeded' AND refund_requested_at IS NULL))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "simulated_charges");

            migrationBuilder.DropIndex(
                name: "ix_payments_pending_created_at",
                table: "payments");

            migrationBuilder.DropIndex(
                name: "ux_payments_active_per_claim",
                table: "payments");

            migrationBuilder.CreateIndex(
                name: "ux_payments_active_per_claim",
                table: "payments",
                column: "claim_id",
                unique: true,
                filter: "status IN ('Pending', 'Succeeded') AND claim_id IS NOT NULL");
        }
    }
}
