using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogRegulatoryTextReplacedByProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RegulatoryCn",
                table: "product_models");

            migrationBuilder.DropColumn(
                name: "RegulatoryEu",
                table: "product_models");

            migrationBuilder.DropColumn(
                name: "RegulatoryUs",
                table: "product_models");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RegulatoryCn",
                table: "product_models",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegulatoryEu",
                table: "product_models",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegulatoryUs",
                table: "product_models",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }
    }
}
