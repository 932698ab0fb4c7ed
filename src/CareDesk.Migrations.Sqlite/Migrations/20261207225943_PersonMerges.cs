using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "person_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SurvivorBefore = table.Column<string>(type: "TEXT", nullable: false),
                    SurvivorAfter = table.Column<string>(type: "TEXT", nullable: false),
                    MergedSnapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Moved = table.Column<string>(type: "TEXT", nullable: false),
                    Dropped = table.Column<string>(type: "TEXT", nullable: false),
                    SurvivorHad = table.Column<string>(type: "TEXT", nullable: false),
                    UnmergedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnmergedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UnmergeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_people_MergedIntoId",
                table: "people",
                column: "MergedIntoId");

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
                name: "person_merges");

            migrationBuilder.DropIndex(
                name: "IX_people_MergedIntoId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "people");
        }
    }
}
