using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PeopleCatalogDevicesContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneExtension",
                table: "AspNetUsers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "manufacturers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Brands = table.Column<List<string>>(type: "text[]", nullable: false),
                    CallerNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    ParentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_manufacturers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreferredChannel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PreferredHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssignedFieldRepId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Accessibility_HardOfHearing = table.Column<bool>(type: "boolean", nullable: false),
                    Accessibility_LowVision = table.Column<bool>(type: "boolean", nullable: false),
                    Accessibility_NeedsCaregiverPresent = table.Column<bool>(type: "boolean", nullable: false),
                    Accessibility_NeedsVideo = table.Column<bool>(type: "boolean", nullable: false),
                    Accessibility_Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "processed_webhook_events",
                columns: table => new
                {
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EventId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_webhook_events", x => new { x.Source, x.EventId });
                });

            migrationBuilder.CreateTable(
                name: "product_models",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManufacturerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Brand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subtype = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ModelNumbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    UncertainAliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    PrintedText = table.Column<List<string>>(type: "text[]", nullable: false),
                    VisualCues = table.Column<List<string>>(type: "text[]", nullable: false),
                    Coding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Markets = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UdiDi = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WarrantyMonths = table.Column<int>(type: "integer", nullable: true),
                    WarrantyScope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegulatoryKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RegulatoryUs = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegulatoryEu = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegulatoryCn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Disambiguation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Confidence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_models", x => x.Id);
                    table.ForeignKey(
                        name: "FK_product_models_manufacturers_ManufacturerId",
                        column: x => x.ManufacturerId,
                        principalTable: "manufacturers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "addresses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Line1 = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Line2 = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Provenance_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provenance_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Provenance_VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Provenance_VerifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_addresses_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contact_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Raw = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    LastDigits = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false),
                    Provenance_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provenance_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Provenance_VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Provenance_VerifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contact_points_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FromAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ToAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    AgentUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RingingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Missed = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contacts_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Provenance_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provenance_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Provenance_VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Provenance_VerifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_relationships_people_FromPersonId",
                        column: x => x.FromPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_relationships_people_ToPersonId",
                        column: x => x.ToPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SerialNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LotNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PurchaseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PurchasePlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    WarrantyOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Provenance_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provenance_Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Provenance_VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Provenance_VerifiedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_devices_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_devices_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "model_links",
                columns: table => new
                {
                    FromModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ToModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Uncertain = table.Column<bool>(type: "boolean", nullable: false),
                    Condition = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_links", x => new { x.FromModelId, x.ToModelId, x.Kind });
                    table.ForeignKey(
                        name: "FK_model_links_product_models_FromModelId",
                        column: x => x.FromModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_model_links_product_models_ToModelId",
                        column: x => x.ToModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_device_events_devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneExtension",
                table: "AspNetUsers",
                column: "PhoneExtension");

            migrationBuilder.CreateIndex(
                name: "IX_addresses_PersonId",
                table: "addresses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_contact_points_Kind_Value",
                table: "contact_points",
                columns: new[] { "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_points_LastDigits",
                table: "contact_points",
                column: "LastDigits");

            migrationBuilder.CreateIndex(
                name: "IX_contact_points_PersonId",
                table: "contact_points",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_PersonId_StartedAt",
                table: "contacts",
                columns: new[] { "PersonId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contacts_Source_ExternalId",
                table: "contacts",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_device_events_DeviceId_At",
                table: "device_events",
                columns: new[] { "DeviceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_devices_ModelId",
                table: "devices",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_devices_PersonId",
                table: "devices",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_devices_SerialNumber",
                table: "devices",
                column: "SerialNumber");

            migrationBuilder.CreateIndex(
                name: "IX_model_links_ToModelId_Kind",
                table: "model_links",
                columns: new[] { "ToModelId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_people_AssignedFieldRepId",
                table: "people",
                column: "AssignedFieldRepId");

            migrationBuilder.CreateIndex(
                name: "IX_people_DisplayName",
                table: "people",
                column: "DisplayName");

            migrationBuilder.CreateIndex(
                name: "IX_product_models_Category",
                table: "product_models",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_product_models_ManufacturerId",
                table: "product_models",
                column: "ManufacturerId");

            migrationBuilder.CreateIndex(
                name: "IX_product_models_UdiDi",
                table: "product_models",
                column: "UdiDi");

            migrationBuilder.CreateIndex(
                name: "IX_relationships_FromPersonId_ToPersonId_Kind",
                table: "relationships",
                columns: new[] { "FromPersonId", "ToPersonId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relationships_ToPersonId",
                table: "relationships",
                column: "ToPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "addresses");

            migrationBuilder.DropTable(
                name: "contact_points");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "device_events");

            migrationBuilder.DropTable(
                name: "model_links");

            migrationBuilder.DropTable(
                name: "processed_webhook_events");

            migrationBuilder.DropTable(
                name: "relationships");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "product_models");

            migrationBuilder.DropTable(
                name: "manufacturers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PhoneExtension",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhoneExtension",
                table: "AspNetUsers");
        }
    }
}
