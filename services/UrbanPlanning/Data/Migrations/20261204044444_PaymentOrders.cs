using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityEServices.UrbanPlanning.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    amount_rial = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    sheba = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_orders", x => x.id);
                    table.CheckConstraint("ck_payment_orders_amount", "amount_rial > 0");
                    table.ForeignKey(
                        name: "FK_payment_orders_service_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_rial = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.id);
                    table.CheckConstraint("ck_payments_amount", "amount_rial > 0");
                    table.ForeignKey(
                        name: "FK_payments_payment_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "payment_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payment_orders_request",
                table: "payment_orders",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_order",
                table: "payments",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_reference",
                table: "payments",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_settlement",
                table: "payments",
                columns: new[] { "channel", "recorded_at", "payer" });

            // Requests already awaiting payment get the order they would have had, payable for the
            // default validity from now into the default account, so none is left with nothing to pay.
            migrationBuilder.Sql("""
                INSERT INTO payment_orders (id, request_id, file_number, amount_rial, sheba, created_at, created_by, expires_at)
                SELECT gen_random_uuid(), id, file_number, fee_rial, 'IR820540102680020817909002', now(), 'system:urbanplanning', now() + interval '7 days'
                FROM service_requests
                WHERE status = 'FeeAssessed' AND fee_rial > 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "payment_orders");
        }
    }
}
