using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ImportsAndPersonMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Provenance_ImportId",
                table: "relationships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "people",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Provenance_ImportId",
                table: "devices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Provenance_ImportId",
                table: "contact_points",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Provenance_ImportId",
                table: "addresses",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_sources",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FieldByHeader = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_sources", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DefaultRegion = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordsAtResume = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordsTotal = table.Column<int>(type: "integer", nullable: false),
                    RecordsDone = table.Column<int>(type: "integer", nullable: false),
                    Valid = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    ForReview = table.Column<int>(type: "integer", nullable: false),
                    FileIndex = table.Column<int>(type: "integer", nullable: false),
                    FileRecordsDone = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MergedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SurvivorBefore = table.Column<string>(type: "text", nullable: false),
                    SurvivorAfter = table.Column<string>(type: "text", nullable: false),
                    MergedSnapshot = table.Column<string>(type: "text", nullable: false),
                    Moved = table.Column<string>(type: "text", nullable: false),
                    Dropped = table.Column<string>(type: "text", nullable: false),
                    SurvivorHad = table.Column<string>(type: "text", nullable: false),
                    UnmergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnmergedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UnmergeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_merges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_merges_people_MergedId",
                        column: x => x.MergedId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_person_merges_people_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileIndex = table.Column<int>(type: "integer", nullable: false),
                    Record = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_duplicate_candidates_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_files",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Encoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Delimiter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    SheetName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HeaderLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Headers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Mapping = table.Column<string>(type: "text", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_files", x => new { x.ImportId, x.Index });
                    table.ForeignKey(
                        name: "FK_import_files_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_rows",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileIndex = table.Column<int>(type: "integer", nullable: false),
                    Record = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Errors = table.Column<string>(type: "text", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DuplicateOfFile = table.Column<int>(type: "integer", nullable: true),
                    DuplicateOfRecord = table.Column<int>(type: "integer", nullable: true),
                    Basis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Values = table.Column<string>(type: "text", nullable: true),
                    Notes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_rows", x => new { x.ImportId, x.FileIndex, x.Record });
                    table.ForeignKey(
                        name: "FK_import_rows_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_MergedIntoId",
                table: "people",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_ImportId",
                table: "duplicate_candidates",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_PersonId",
                table: "duplicate_candidates",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_Status_CreatedAt",
                table: "duplicate_candidates",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_import_rows_ImportId_Status",
                table: "import_rows",
                columns: new[] { "ImportId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_import_rows_PersonId",
                table: "import_rows",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_imports_ContentHash",
                table: "imports",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_imports_CreatedAt",
                table: "imports",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_person_merges_MergedId_MergedAt",
                table: "person_merges",
                columns: new[] { "MergedId", "MergedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_person_merges_SurvivorId_MergedAt",
                table: "person_merges",
                columns: new[] { "SurvivorId", "MergedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_people_people_MergedIntoId",
                table: "people",
                column: "MergedIntoId",
                principalTable: "people",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_people_people_MergedIntoId",
                table: "people");

            migrationBuilder.DropTable(
                name: "duplicate_candidates");

            migrationBuilder.DropTable(
                name: "import_files");

            migrationBuilder.DropTable(
                name: "import_rows");

            migrationBuilder.DropTable(
                name: "import_sources");

            migrationBuilder.DropTable(
                name: "person_merges");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropIndex(
                name: "IX_people_MergedIntoId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Provenance_ImportId",
                table: "relationships");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Provenance_ImportId",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "Provenance_ImportId",
                table: "contact_points");

            migrationBuilder.DropColumn(
                name: "Provenance_ImportId",
                table: "addresses");
        }
    }
}
