using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareDesk.Platform.Data;

/// <summary>A property kept as one JSON text column, compared by its JSON (so an edit in place is saved).</summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
        where T : class, new() =>
        property.HasConversion(
            new ValueConverter<T, string>(v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), s => JsonSerializer.Deserialize<T>(s, (JsonSerializerOptions?)null) ?? new T()),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null) ?? new T()));
}
