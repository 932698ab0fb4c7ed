using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SkillFromDevice",
                table: "campaigns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "campaigns",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "campaign_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeviceId",
                table: "campaign_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EventAt",
                table: "campaign_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EventId",
                table: "campaign_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillMakerId",
                table: "campaign_members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillModelId",
                table: "campaign_members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "follow_up_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
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
