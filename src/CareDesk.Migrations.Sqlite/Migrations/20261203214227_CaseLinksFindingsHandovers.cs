using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseLinksFindingsHandovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastActivityAt",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Hand-written (keep when regenerating): existing cases start from their last timeline entry, so the detector
            // neither flags every old case at once nor misses one.
            migrationBuilder.Sql("UPDATE cases SET \"LastActivityAt\" = COALESCE((SELECT MAX(e.\"At\") FROM case_entries e WHERE e.\"CaseId\" = cases.\"Id\"), \"UpdatedAt\")");

            migrationBuilder.CreateTable(
                name: "case_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_links_cases_FirstCaseId",
                        column: x => x.FirstCaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_case_links_cases_SecondCaseId",
                        column: x => x.SecondCaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_findings_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "handover_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShiftEndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextShiftEndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProducedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    OpenQuestions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OpenQuestionsBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handover_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Status_LastActivityAt",
                table: "cases",
                columns: new[] { "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_links_FirstCaseId_SecondCaseId",
                table: "case_links",
                columns: new[] { "FirstCaseId", "SecondCaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_links_SecondCaseId",
                table: "case_links",
                column: "SecondCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_findings_CaseId",
                table: "findings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_findings_ResolvedAt_RaisedAt",
                table: "findings",
                columns: new[] { "ResolvedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_findings_Rule_Subject",
                table: "findings",
                columns: new[] { "Rule", "Subject" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_handover_reports_AcknowledgedAt",
                table: "handover_reports",
                column: "AcknowledgedAt");

            migrationBuilder.CreateIndex(
                name: "IX_handover_reports_ShiftEndedAt",
                table: "handover_reports",
                column: "ShiftEndedAt",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_links");

            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "handover_reports");

            migrationBuilder.DropIndex(
                name: "IX_cases_Status_LastActivityAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "cases");
        }
    }
}
