using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogVersionsAndTombstones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "product_models",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "model_link_tombstones",
                columns: table => new
                {
                    FromModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_link_tombstones", x => new { x.FromModelId, x.ToModelId, x.Kind });
                    table.ForeignKey(
                        name: "FK_model_link_tombstones_product_models_FromModelId",
                        column: x => x.FromModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_model_link_tombstones_product_models_ToModelId",
                        column: x => x.ToModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_model_link_tombstones_ToModelId",
                table: "model_link_tombstones",
                column: "ToModelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_link_tombstones");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "product_models");
        }
    }
}
