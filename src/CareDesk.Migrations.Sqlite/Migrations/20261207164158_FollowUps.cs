using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OffsetDays",
                table: "campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SkillFromDevice",
                table: "campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "campaigns",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "campaign_members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeviceId",
                table: "campaign_members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EventAt",
                table: "campaign_members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EventId",
                table: "campaign_members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillMakerId",
                table: "campaign_members",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillModelId",
                table: "campaign_members",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "follow_up_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_campaign_members_CaseId",
                table: "campaign_members",
                column: "CaseId",
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_events_CaseId",
                table: "follow_up_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_events_ProcessedAt",
                table: "follow_up_events",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_events");

            migrationBuilder.DropIndex(
                name: "IX_campaign_members_CaseId",
                table: "campaign_members");

            migrationBuilder.DropColumn(
                name: "OffsetDays",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "SkillFromDevice",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "campaign_members");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "campaign_members");

            migrationBuilder.DropColumn(
                name: "EventAt",
                table: "campaign_members");

            migrationBuilder.DropColumn(
                name: "EventId",
                table: "campaign_members");

            migrationBuilder.DropColumn(
                name: "SkillMakerId",
                table: "campaign_members");

            migrationBuilder.DropColumn(
                name: "SkillModelId",
                table: "campaign_members");
        }
    }
}
