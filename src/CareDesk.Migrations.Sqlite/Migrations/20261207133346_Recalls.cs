using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Recalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Depth = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    CheckPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    ModelIds = table.Column<string>(type: "TEXT", nullable: false),
                    SerialRanges = table.Column<string>(type: "TEXT", nullable: false),
                    Lots = table.Column<string>(type: "TEXT", nullable: false),
                    ComplaintIds = table.Column<string>(type: "TEXT", nullable: false),
                    CaseIds = table.Column<string>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recalls_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recalls_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recall_devices",
                columns: table => new
                {
                    RecallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotifiedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_devices", x => new { x.RecallId, x.DeviceId });
                    table.ForeignKey(
                        name: "FK_recall_devices_devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recall_devices_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recall_devices_recalls_RecallId",
                        column: x => x.RecallId,
                        principalTable: "recalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recall_shipment_items",
                columns: table => new
                {
                    RecallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_shipment_items", x => new { x.RecallId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_recall_shipment_items_recalls_RecallId",
                        column: x => x.RecallId,
                        principalTable: "recalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recall_devices_DeviceId",
                table: "recall_devices",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_devices_PersonId",
                table: "recall_devices",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_devices_RecallId_PersonId",
                table: "recall_devices",
                columns: new[] { "RecallId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_recalls_CampaignId",
                table: "recalls",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recalls_CreatedBy",
                table: "recalls",
                column: "CreatedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recall_devices");

            migrationBuilder.DropTable(
                name: "recall_shipment_items");

            migrationBuilder.DropTable(
                name: "recalls");
        }
    }
}
