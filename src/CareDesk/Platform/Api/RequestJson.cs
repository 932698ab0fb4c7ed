using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Api;

/// <summary>
/// How API bodies are read: a key sent twice is refused (which of two values wins must not be a guess), and an
/// instant must carry its offset from UTC (<c>2026-12-01T09:00:00</c> alone would be read in the server's zone).
/// </summary>
public static partial class RequestJson
{
    public static IServiceCollection AddCareDeskRequestJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.Converters.Add(new OffsetRequiredConverter());
        });

    /// <summary>True when an ISO 8601 time ends with <c>Z</c> or an offset such as <c>+08:00</c>.</summary>
    public static bool HasOffset(string value) => Offset().IsMatch(value.Trim());

    [GeneratedRegex(@"T[0-9:.,]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();

    /// <summary>A time without its offset; the exception handler names the field and says what is missing.</summary>
    public sealed class OffsetRequiredException() : JsonException("A time needs its offset from UTC.");

    private sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new JsonException("Not an ISO 8601 time.");
            }

            return HasOffset(reader.GetString()!) ? value : throw new OffsetRequiredException();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
