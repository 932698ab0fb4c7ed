using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareDesk.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintCodesAndTrending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    Annex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Release = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    CodedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CodedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_codes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_codes_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_complaint_codes_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trend_denominators",
                columns: table => new
                {
                    ModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Units = table.Column<long>(type: "bigint", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trend_denominators", x => new { x.ModelId, x.Month });
                    table.ForeignKey(
                        name: "FK_trend_denominators_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trend_signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Complaints = table.Column<long>(type: "bigint", nullable: false),
                    Units = table.Column<long>(type: "bigint", nullable: false),
                    Rate = table.Column<double>(type: "double precision", nullable: false),
                    CentreLine = table.Column<double>(type: "double precision", nullable: false),
                    ActionLimit = table.Column<double>(type: "double precision", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trend_signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trend_signals_product_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "product_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_codes_ComplaintId_Annex_Code",
                table: "complaint_codes",
                columns: new[] { "ComplaintId", "Annex", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_codes_ModelId_Code_Month",
                table: "complaint_codes",
                columns: new[] { "ModelId", "Code", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_trend_signals_ModelId_Code_Month",
                table: "trend_signals",
                columns: new[] { "ModelId", "Code", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trend_signals_RaisedAt",
                table: "trend_signals",
                column: "RaisedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_codes");

            migrationBuilder.DropTable(
                name: "trend_denominators");

            migrationBuilder.DropTable(
                name: "trend_signals");
        }
    }
}
