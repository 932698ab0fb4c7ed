using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HoldsComplaint",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AwarenessAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AwarenessContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivingTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FlaggedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FlaggedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClearedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClearReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LegalHold = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaints_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_CaseId",
                table: "complaints",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_PersonId",
                table: "complaints",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropColumn(
                name: "HoldsComplaint",
                table: "cases");
        }
    }
}
