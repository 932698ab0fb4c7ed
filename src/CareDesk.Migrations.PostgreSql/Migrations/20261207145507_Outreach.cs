using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Outreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_texts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TextZh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_texts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Data = table.Column<List<string>>(type: "text[]", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SharedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disclosures_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "do_not_contact_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_do_not_contact_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_do_not_contact_entries_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_claims",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttemptId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgentUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_claims", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_outreach_claims_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScriptZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ScriptEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Questions = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    Wording = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentTextId = table.Column<Guid>(type: "uuid", nullable: true),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consent_entries_consent_texts_ConsentTextId",
                        column: x => x.ConsentTextId,
                        principalTable: "consent_texts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consent_entries_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consent_entries_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Target = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: true),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    RetryMinutes = table.Column<int>(type: "integer", nullable: false),
                    BestFrom = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    BestTo = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequiredSkill = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_campaigns_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_campaigns_questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_members",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "Pending"),
                    Exclusion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HeldBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OverrideBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_members", x => new { x.CampaignId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_campaign_members_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_campaign_members_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Number = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DialedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_attempts_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_outreach_attempts_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_outreach_attempts_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SummaryZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Depth = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    CheckPercent = table.Column<int>(type: "integer", nullable: true),
                    ModelIds = table.Column<string>(type: "text", nullable: false),
                    SerialRanges = table.Column<string>(type: "text", nullable: false),
                    Lots = table.Column<string>(type: "text", nullable: false),
                    ComplaintIds = table.Column<string>(type: "text", nullable: false),
                    CaseIds = table.Column<string>(type: "text", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recalls_AspNetUsers_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recalls_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outreach_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AttemptId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_answers_outreach_attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "outreach_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recall_devices",
                columns: table => new
                {
                    RecallId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifiedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_devices", x => new { x.RecallId, x.DeviceId });
                    table.ForeignKey(
                        name: "FK_recall_devices_devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recall_devices_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recall_devices_recalls_RecallId",
                        column: x => x.RecallId,
                        principalTable: "recalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recall_shipment_items",
                columns: table => new
                {
                    RecallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_shipment_items", x => new { x.RecallId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_recall_shipment_items_recalls_RecallId",
                        column: x => x.RecallId,
                        principalTable: "recalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_campaign_members_CampaignId_Status_NextAttemptAt",
                table: "campaign_members",
                columns: new[] { "CampaignId", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_campaign_members_PersonId_Status",
                table: "campaign_members",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_CreatedBy",
                table: "campaigns",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_QuestionnaireId",
                table: "campaigns",
                column: "QuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_Status",
                table: "campaigns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_consent_entries_ConsentTextId",
                table: "consent_entries",
                column: "ConsentTextId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_entries_ContactId",
                table: "consent_entries",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_entries_PersonId_Purpose_Channel_RecordedAt",
                table: "consent_entries",
                columns: new[] { "PersonId", "Purpose", "Channel", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consent_texts_Purpose_Version",
                table: "consent_texts",
                columns: new[] { "Purpose", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disclosures_PersonId_RecordedAt",
                table: "disclosures",
                columns: new[] { "PersonId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_do_not_contact_entries_PersonId_RecordedAt",
                table: "do_not_contact_entries",
                columns: new[] { "PersonId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_answers_AttemptId",
                table: "outreach_answers",
                column: "AttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_answers_CampaignId_QuestionKey",
                table: "outreach_answers",
                columns: new[] { "CampaignId", "QuestionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_answers_PersonId",
                table: "outreach_answers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_attempts_AgentUserId_ClosedAt",
                table: "outreach_attempts",
                columns: new[] { "AgentUserId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_attempts_CampaignId_PersonId",
                table: "outreach_attempts",
                columns: new[] { "CampaignId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_attempts_ContactId",
                table: "outreach_attempts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_attempts_PersonId_ClaimedAt",
                table: "outreach_attempts",
                columns: new[] { "PersonId", "ClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_claims_AttemptId",
                table: "outreach_claims",
                column: "AttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_questionnaires_Key_Version",
                table: "questionnaires",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recall_devices_DeviceId",
                table: "recall_devices",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_devices_PersonId",
                table: "recall_devices",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_devices_RecallId_PersonId",
                table: "recall_devices",
                columns: new[] { "RecallId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_recalls_CampaignId",
                table: "recalls",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recalls_CreatedBy",
                table: "recalls",
                column: "CreatedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_members");

            migrationBuilder.DropTable(
                name: "consent_entries");

            migrationBuilder.DropTable(
                name: "disclosures");

            migrationBuilder.DropTable(
                name: "do_not_contact_entries");

            migrationBuilder.DropTable(
                name: "outreach_answers");

            migrationBuilder.DropTable(
                name: "outreach_claims");

            migrationBuilder.DropTable(
                name: "recall_devices");

            migrationBuilder.DropTable(
                name: "recall_shipment_items");

            migrationBuilder.DropTable(
                name: "consent_texts");

            migrationBuilder.DropTable(
                name: "outreach_attempts");

            migrationBuilder.DropTable(
                name: "recalls");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "questionnaires");
        }
    }
}
