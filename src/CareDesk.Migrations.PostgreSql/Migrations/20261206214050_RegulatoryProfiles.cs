using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RegulatoryProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regulatory_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Market = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Sold = table.Column<bool>(type: "boolean", nullable: true),
                    Ivd = table.Column<bool>(type: "boolean", nullable: true),
                    Regulation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    DeviceClass = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ProductCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    InnovativeFirstCycle = table.Column<bool>(type: "boolean", nullable: true),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regulatory_profiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_regulatory_profiles_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_regulatory_profiles_ModelId_Revision_Market",
                table: "regulatory_profiles",
                columns: new[] { "ModelId", "Revision", "Market" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regulatory_profiles");
        }
    }
}
