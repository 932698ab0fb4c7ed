using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReadAuditSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Subjects",
                table: "audit_entries",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_subjects",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_subjects", x => new { x.Sequence, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_audit_subjects_audit_entries_Sequence",
                        column: x => x.Sequence,
                        principalTable: "audit_entries",
                        principalColumn: "Sequence",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_subjects_SubjectId_Sequence",
                table: "audit_subjects",
                columns: new[] { "SubjectId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_subjects");

            migrationBuilder.DropColumn(
                name: "Subjects",
                table: "audit_entries");
        }
    }
}
