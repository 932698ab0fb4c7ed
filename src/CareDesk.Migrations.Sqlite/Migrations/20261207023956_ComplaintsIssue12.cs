using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintsIssue12 : Migration
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

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "complaints",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureNote",
                table: "complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeviceId",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EuMemberState",
                table: "complaints",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventCountry",
                table: "complaints",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EventDate",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EventLinkedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventLinkedBy",
                table: "complaints",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EventPrimaryId",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvestigatedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigatedBy",
                table: "complaints",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationFindings",
                table: "complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LotNumber",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Narrative",
                table: "complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NarrativeLanguage",
                table: "complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientInvolvement",
                table: "complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PatientOutcome",
                table: "complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProductModelId",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyLanguage",
                table: "complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplySentAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplySentBy",
                table: "complaints",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyText",
                table: "complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAnalysis",
                table: "complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReturnReceivedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReturnSentAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RmaNumber",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RootCause",
                table: "complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SerialNumber",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiDeviceIdentifier",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiEntry",
                table: "complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UdiExpiry",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiIssuer",
                table: "complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiLot",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UdiManufactured",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiSerial",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiText",
                table: "complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "china_calendar_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    MakeUpWorkingDays = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_china_calendar_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "complaint_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Annex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Release = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CodedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CodedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_codes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_codes_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaint_codes_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_information",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_information", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_information_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "obligations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Market = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ClockStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Due = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NominalDue = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAlertAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WarnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AlertedStage = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_obligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_obligations_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "reportability_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Markets = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reportability_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reportability_decisions_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trend_denominators",
                columns: table => new
                {
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Units = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trend_denominators", x => new { x.ModelId, x.Month });
                    table.ForeignKey(
                        name: "FK_trend_denominators_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trend_signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Complaints = table.Column<long>(type: "INTEGER", nullable: false),
                    Units = table.Column<long>(type: "INTEGER", nullable: false),
                    Rate = table.Column<double>(type: "REAL", nullable: false),
                    CentreLine = table.Column<double>(type: "REAL", nullable: false),
                    ActionLimit = table.Column<double>(type: "REAL", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trend_signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trend_signals_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InformationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_facts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_facts_complaint_information_InformationId",
                        column: x => x.InformationId,
                        principalTable: "complaint_information",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaint_facts_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_DeviceId",
                table: "complaints",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_EventPrimaryId",
                table: "complaints",
                column: "EventPrimaryId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_LotNumber",
                table: "complaints",
                column: "LotNumber");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_ProductModelId",
                table: "complaints",
                column: "ProductModelId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_SerialNumber",
                table: "complaints",
                column: "SerialNumber");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_codes_ComplaintId_Annex_Code",
                table: "complaint_codes",
                columns: new[] { "ComplaintId", "Annex", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_codes_ModelId_Code_Month",
                table: "complaint_codes",
                columns: new[] { "ModelId", "Code", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_facts_ComplaintId_Id",
                table: "complaint_facts",
                columns: new[] { "ComplaintId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_facts_InformationId",
                table: "complaint_facts",
                column: "InformationId");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_information_ComplaintId_ReceivedAt",
                table: "complaint_information",
                columns: new[] { "ComplaintId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_obligations_ComplaintId_Market_Kind_Period_ClockStart",
                table: "obligations",
                columns: new[] { "ComplaintId", "Market", "Kind", "Period", "ClockStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_obligations_Status_DueAt",
                table: "obligations",
                columns: new[] { "Status", "DueAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_reportability_decisions_ComplaintId_Id",
                table: "reportability_decisions",
                columns: new[] { "ComplaintId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_trend_signals_ModelId_Code_Month",
                table: "trend_signals",
                columns: new[] { "ModelId", "Code", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trend_signals_RaisedAt",
                table: "trend_signals",
                column: "RaisedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_complaints_devices_DeviceId",
                table: "complaints",
                column: "DeviceId",
                principalTable: "devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_complaints_product_models_ProductModelId",
                table: "complaints",
                column: "ProductModelId",
                principalTable: "product_models",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_complaints_devices_DeviceId",
                table: "complaints");

            migrationBuilder.DropForeignKey(
                name: "FK_complaints_product_models_ProductModelId",
                table: "complaints");

            migrationBuilder.DropTable(
                name: "china_calendar_years");

            migrationBuilder.DropTable(
                name: "complaint_codes");

            migrationBuilder.DropTable(
                name: "complaint_facts");

            migrationBuilder.DropTable(
                name: "obligations");

            migrationBuilder.DropTable(
                name: "red_flag_answers");

            migrationBuilder.DropTable(
                name: "red_flag_scripts");

            migrationBuilder.DropTable(
                name: "reportability_decisions");

            migrationBuilder.DropTable(
                name: "trend_denominators");

            migrationBuilder.DropTable(
                name: "trend_signals");

            migrationBuilder.DropTable(
                name: "complaint_information");

            migrationBuilder.DropIndex(
                name: "IX_complaints_DeviceId",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_EventPrimaryId",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_LotNumber",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_ProductModelId",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_SerialNumber",
                table: "complaints");

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

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ClosureNote",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "EuMemberState",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "EventCountry",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "EventDate",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "EventLinkedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "EventLinkedBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "EventPrimaryId",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "InvestigatedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "InvestigatedBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationFindings",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "LotNumber",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Narrative",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "NarrativeLanguage",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "PatientInvolvement",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "PatientOutcome",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ProductModelId",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReplyLanguage",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReplySentAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReplySentBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReplyText",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReturnAnalysis",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReturnReceivedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReturnSentAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "RmaNumber",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "RootCause",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "SerialNumber",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiDeviceIdentifier",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiEntry",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiExpiry",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiIssuer",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiLot",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiManufactured",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiSerial",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "UdiText",
                table: "complaints");
        }
    }
}
