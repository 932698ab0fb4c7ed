using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "complaints",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureNote",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "complaints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeviceId",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EventLinkedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventLinkedBy",
                table: "complaints",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EventPrimaryId",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InvestigatedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigatedBy",
                table: "complaints",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationFindings",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LotNumber",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Narrative",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NarrativeLanguage",
                table: "complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientInvolvement",
                table: "complaints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PatientOutcome",
                table: "complaints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReplyLanguage",
                table: "complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReplySentAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplySentBy",
                table: "complaints",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyText",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAnalysis",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReturnReceivedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReturnSentAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RmaNumber",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RootCause",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SerialNumber",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiDeviceIdentifier",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiEntry",
                table: "complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UdiExpiry",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiIssuer",
                table: "complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiLot",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UdiManufactured",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiSerial",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UdiText",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

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
                name: "IX_complaints_SerialNumber",
                table: "complaints",
                column: "SerialNumber");

            migrationBuilder.AddForeignKey(
                name: "FK_complaints_devices_DeviceId",
                table: "complaints",
                column: "DeviceId",
                principalTable: "devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_complaints_devices_DeviceId",
                table: "complaints");

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
                name: "IX_complaints_SerialNumber",
                table: "complaints");

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
