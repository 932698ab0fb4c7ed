using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DeviceStatusChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FromStatus",
                table: "device_events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToStatus",
                table: "device_events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            foreach (var statement in CareDesk.Features.Devices.DeviceStatusChangeBackfill.Statements())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FromStatus",
                table: "device_events");

            migrationBuilder.DropColumn(
                name: "ToStatus",
                table: "device_events");
        }
    }
}
