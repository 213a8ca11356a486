using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddQueueAndClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "queue_line_ordinal",
                startValue: 1000000000000L);

            migrationBuilder.AddColumn<byte[]>(
                name: "queue_seed",
                table: "events",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "queue_seed_hash",
                table: "events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sale_opened_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "claim_id",
                table: "event_seats",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "queue_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    in_pre_queue = table.Column<bool>(type: "boolean", nullable: false),
                    ordinal = table.Column<long>(type: "bigint", nullable: true),
                    admitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    admission_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_queue_entries_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    queue_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expiry_warned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_claims_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_claims_queue_entries_queue_entry_id",
                        column: x => x.queue_entry_id,
                        principalTable: "queue_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    seat_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    unit_price_amount = table.Column<long>(type: "bigint", nullable: false),
                    unit_price_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_items", x => x.id);
                    table.CheckConstraint("ck_claim_items_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_claim_items_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_claim_items_ticket_type_ticket_type_id",
                        column: x => x.ticket_type_id,
                        principalTable: "ticket_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_seats_claim_id",
                table: "event_seats",
                column: "claim_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_event_seats_claim",
                table: "event_seats",
                sql: "(status = 'Held') = (claim_id IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_claim_items_claim_id",
                table: "claim_items",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_items_ticket_type_id",
                table: "claim_items",
                column: "ticket_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_customer_id_created_at",
                table: "claims",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_event_id_customer_id_status",
                table: "claims",
                columns: new[] { "event_id", "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_pending_expiry",
                table: "claims",
                column: "expires_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_claims_queue_entry_id",
                table: "claims",
                column: "queue_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_queue_entries_admitted_expiry",
                table: "queue_entries",
                column: "admission_expires_at",
                filter: "status = 'Admitted'");

            migrationBuilder.CreateIndex(
                name: "ix_queue_entries_event_id_admitted_at",
                table: "queue_entries",
                columns: new[] { "event_id", "admitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_entries_waiting_line",
                table: "queue_entries",
                columns: new[] { "event_id", "ordinal" },
                filter: "status = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "ux_queue_entries_active",
                table: "queue_entries",
                columns: new[] { "event_id", "customer_id" },
                unique: true,
                filter: "status IN ('Waiting', 'Admitted')");

            migrationBuilder.AddForeignKey(
                name: "fk_event_seats_claims_claim_id",
                table: "event_seats",
                column: "claim_id",
                principalTable: "claims",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
            // Events published before queues existed get a seed now (random, from gen_random_uuid's strong source),
            // so their draw works like any other; already-open sales count as opened at publish.
            migrationBuilder.Sql("""
                UPDATE events SET queue_seed = decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')
                 WHERE state <> 'Draft' AND queue_seed IS NULL;
                UPDATE events SET queue_seed_hash = encode(sha256(queue_seed), 'hex')
                 WHERE queue_seed IS NOT NULL AND queue_seed_hash IS NULL;
                UPDATE events SET sale_opened_at = published_at
                 WHERE state IN ('OnSale', 'SoldOut', 'Ended') AND sale_opened_at IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_event_seats_claims_claim_id",
                table: "event_seats");

            migrationBuilder.DropTable(
                name: "claim_items");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "queue_entries");

            migrationBuilder.DropIndex(
                name: "ix_event_seats_claim_id",
                table: "event_seats");

            migrationBuilder.DropCheckConstraint(
                name: "ck_event_seats_claim",
                table: "event_seats");

            migrationBuilder.DropColumn(
                name: "queue_seed",
                table: "events");

            migrationBuilder.DropColumn(
                name: "queue_seed_hash",
                table: "events");

            migrationBuilder.DropColumn(
                name: "sale_opened_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "claim_id",
                table: "event_seats");

            migrationBuilder.DropSequence(
                name: "queue_line_ordinal");
        }
    }
}
