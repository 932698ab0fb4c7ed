namespace CareDesk.Bench.Seeder;

/// <summary>
/// The minimal catalog the synthetic devices point at (ids prefixed <c>bench-</c>), added when missing, so the
/// seeder does not depend on the real catalog seed. Same SQL on both databases; array columns differ.
/// </summary>
internal static class CatalogSql
{
    // The models' concurrency token: required on SQLite, where a rebuilt table lost the migration's column default.
    // Upper case, as EF Core's SQLite mapping stores GUIDs; PostgreSQL reads the same literal as a uuid.
    private const string Version = "0000BE4C-0000-7000-8000-000000000000";

    public static string Insert => Build("'{}'");

    public static string InsertSqlite => Build("'[]'");

    private static string Build(string emptyList)
    {
        var makers = $"""
            INSERT INTO manufacturers ("Id", "NameEn", "Brands", "CallerNames") VALUES
              ('bench-maker-a', 'Bench Maker A', {emptyList}, {emptyList}),
              ('bench-maker-b', 'Bench Maker B', {emptyList}, {emptyList})
            ON CONFLICT ("Id") DO NOTHING;
            """;
        var models = string.Join(",\n", SyntheticPopulation.Models.Select(m =>
            $"('{m.Id}', '{m.ManufacturerId}', '{m.Category}', '{m.NameEn}', {emptyList}, {emptyList}, {emptyList}, {emptyList}, {emptyList}, {emptyList}, {m.WarrantyMonths}, '{Version}')"));
        return makers + $"""

            INSERT INTO product_models ("Id", "ManufacturerId", "Category", "NameEn", "ModelNumbers", "Aliases",
              "UncertainAliases", "PrintedText", "VisualCues", "Markets", "WarrantyMonths", "Version") VALUES
            {models}
            ON CONFLICT ("Id") DO NOTHING;
            """;
    }
}
