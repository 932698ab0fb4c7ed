using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseCallerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CallerPersonId",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_CallerPersonId",
                table: "cases",
                column: "CallerPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_cases_people_CallerPersonId",
                table: "cases",
                column: "CallerPersonId",
                principalTable: "people",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cases_people_CallerPersonId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_CallerPersonId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CallerPersonId",
                table: "cases");
        }
    }
}
