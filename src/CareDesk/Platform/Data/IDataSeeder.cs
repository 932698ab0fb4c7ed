namespace CareDesk.Platform.Data;

/// <summary>
/// Rows that must exist before the host listens (reference data, the demo's people), written at every start by
/// <see cref="DatabaseInitializer"/> after the migrations and the staff accounts. A feature registers its seeders with
/// <c>services.AddDataSeeder&lt;T&gt;()</c>; a seeder adds only what is missing, so it never undoes an edit.
/// </summary>
public interface IDataSeeder
{
    /// <summary>Seeders run in ascending order: one that refers to another's rows takes a higher number.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
