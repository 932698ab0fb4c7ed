using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ServiceLevelsOnCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClockPausedSince",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClockPauses",
                table: "cases",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstRespondedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseBreachedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseDueAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "FirstResponseTarget",
                table: "cases",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseWarnAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseWarnedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextDueAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionBreachedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionDueAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResolutionTarget",
                table: "cases",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionWarnAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionWarnedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceCalendarId",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ServicePolicyId",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ServiceWarnShare",
                table: "cases",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WarnAt",
                table: "case_callbacks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "service_calendars",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlwaysOpen = table.Column<bool>(type: "boolean", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficeHours = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    HolidayCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ClosedDays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    ExtraWorkingDays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    ExtraWorkingDaysFollow = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_calendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_level_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    MatchKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CalendarId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstResponse = table.Column<TimeSpan>(type: "interval", nullable: true),
                    Callback = table.Column<TimeSpan>(type: "interval", nullable: true),
                    Resolution = table.Column<TimeSpan>(type: "interval", nullable: true),
                    WarnShare = table.Column<double>(type: "double precision", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_level_policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_level_policies_service_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "service_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_open_owner_team_next_due",
                table: "cases",
                columns: new[] { "OwnerTeamId", "NextDueAt" },
                filter: "\"Status\" NOT IN ('Resolved', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_cases_open_owner_user_next_due",
                table: "cases",
                columns: new[] { "OwnerUserId", "NextDueAt" },
                filter: "\"Status\" NOT IN ('Resolved', 'Closed')");

            migrationBuilder.CreateIndex(
                name: "IX_service_level_policies_CalendarId",
                table: "service_level_policies",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_service_level_policies_MatchKey",
                table: "service_level_policies",
                column: "MatchKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_level_policies");

            migrationBuilder.DropTable(
                name: "service_calendars");

            migrationBuilder.DropIndex(
                name: "IX_cases_open_owner_team_next_due",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_open_owner_user_next_due",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ClockPausedSince",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ClockPauses",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstRespondedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseBreachedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseTarget",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseWarnAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseWarnedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "NextDueAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolutionBreachedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolutionTarget",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ServiceCalendarId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ServicePolicyId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ServiceWarnShare",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "WarnAt",
                table: "case_callbacks");
        }
    }
}
