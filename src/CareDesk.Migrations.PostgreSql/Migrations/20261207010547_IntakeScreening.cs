using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IntakeScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "RedFlags",
                table: "escalations",
                type: "text[]",
                nullable: false,
                // Escalations from before red flags had none; a NOT NULL column needs a value for them.
                defaultValue: new List<string>());

            migrationBuilder.AddColumn<bool>(
                name: "DeviceProblemAlleged",
                table: "contacts",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScreenedAt",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScreenedBy",
                table: "contacts",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "red_flag_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Flag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Answer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Flag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    English = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Chinese = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
