using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IntakeScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RedFlags",
                table: "escalations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "DeviceProblemAlleged",
                table: "contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScreenedAt",
                table: "contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScreenedBy",
                table: "contacts",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "red_flag_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Flag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_red_flag_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_red_flag_answers_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_red_flag_answers_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_red_flag_answers_escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "red_flag_scripts",
                columns: table => new
                {
                    Flag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    English = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Chinese = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_red_flag_scripts", x => x.Flag);
                });

            migrationBuilder.CreateIndex(
                name: "IX_red_flag_answers_CaseId_AnsweredAt",
                table: "red_flag_answers",
                columns: new[] { "CaseId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_red_flag_answers_ContactId",
                table: "red_flag_answers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_red_flag_answers_EscalationId",
                table: "red_flag_answers",
                column: "EscalationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "red_flag_answers");

            migrationBuilder.DropTable(
                name: "red_flag_scripts");

            migrationBuilder.DropColumn(
                name: "RedFlags",
                table: "escalations");

            migrationBuilder.DropColumn(
                name: "DeviceProblemAlleged",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "ScreenedAt",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "ScreenedBy",
                table: "contacts");
        }
    }
}
