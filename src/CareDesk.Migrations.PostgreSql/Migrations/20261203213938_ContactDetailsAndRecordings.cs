using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ContactDetailsAndRecordings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasRecording",
                table: "contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "HoldCount",
                table: "contacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "HoldSeconds",
                table: "contacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HoldStartedAt",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QueuedAt",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordingBytes",
                table: "contacts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingContentType",
                table: "contacts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingFile",
                table: "contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingSha256",
                table: "contacts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordingUrl",
                table: "contacts",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "contacts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "contact_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FromUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    FromTeamId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ToTeamId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ToAddress = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contact_transfers_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_HasRecording_StartedAt",
                table: "contacts",
                columns: new[] { "HasRecording", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_PersonId_HasRecording_StartedAt",
                table: "contacts",
                columns: new[] { "PersonId", "HasRecording", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_transfers_ContactId_At",
                table: "contact_transfers",
                columns: new[] { "ContactId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_transfers");

            migrationBuilder.DropIndex(
                name: "IX_contacts_HasRecording_StartedAt",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "IX_contacts_PersonId_HasRecording_StartedAt",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "HasRecording",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "HoldCount",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "HoldSeconds",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "HoldStartedAt",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "QueuedAt",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "RecordingBytes",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "RecordingContentType",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "RecordingFile",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "RecordingSha256",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "RecordingUrl",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "contacts");
        }
    }
}
