using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CareDesk.Platform.Api;

/// <summary>
/// Validates request records by their data annotations, nested objects and collection items included, and answers
/// with a ProblemDetails that names each field in the same casing as the JSON the client sent
/// (<c>errors: {"email": ["…"], "phones[0].number": ["…"]}</c>). Endpoints do not call it: the API group's
/// <see cref="RequestValidation"/> filter runs it on every request body.
/// </summary>
public static class Validation
{
    // Deep enough for any request shape; a guard against pathological object graphs, not a design limit.
    private const int MaxDepth = 16;

    // Caps for what carries no limit of its own ([MaxLength], [StringLength]): a text, a text in a list, a list.
    public const int DefaultMaxLength = 4_000;
    public const int DefaultMaxItemLength = 1_000;
    public const int DefaultMaxItems = 200;

    private static readonly ConcurrentDictionary<Type, PropertyPlan[]> Plans = new();

    /// <summary>Every data-annotation error of <paramref name="request"/> and of the objects it holds, by field path.</summary>
    public static IReadOnlyList<(string Field, string Message)> Errors(object request, IStringLocalizer? text = null)
    {
        var walker = new Walker(text);
        Walk(request, "", walker, 0);
        return walker.Errors;
    }

    public static ValidationProblem? Validate(object request, IStringLocalizer? text = null) =>
        Errors(request, text) is { Count: > 0 } errors ? Problem(errors) : null;

    public static ValidationProblem Problem(string field, string message) => Problem([(field, message)]);

    public static ValidationProblem Problem(IEnumerable<(string Field, string Message)> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    public static string FieldName(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);

    /// <summary>Values validated as a whole by their property's attributes, never walked into.</summary>
    internal static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive
            || type.IsEnum
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly)
            || type == typeof(TimeOnly)
            || type == typeof(TimeSpan)
            || type == typeof(Guid)
            || type == typeof(Uri)
            || type == typeof(JsonElement)
            || type == typeof(byte[]);
    }

    private static void Walk(object value, string path, Walker walker, int depth)
    {
        if (depth > MaxDepth || !walker.Seen.Add(value))
        {
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                walker.Add(Join(path, member.Length == 0 ? "" : FieldName(member)), result.ErrorMessage ?? "invalid");
            }
        }

        foreach (var property in Plans.GetOrAdd(value.GetType(), PlanOf))
        {
            var child = property.Info.GetValue(value);
            var childPath = Join(path, FieldName(property.Info.Name));
            if (child is null)
            {
                // A property declared non-nullable that arrives as null would fail the use case with a 500.
                if (property.NotNullable)
                {
                    walker.Add(childPath, "Validation.Required");
                }

                continue;
            }

            switch (child)
            {
                case string text:
                    CheckText(text, childPath, property.HasLengthLimit ? int.MaxValue : DefaultMaxLength, walker);
                    break;
                case IDictionary dictionary:
                    CheckCount(dictionary.Count, childPath, property, walker);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        WalkItem(entry.Value, $"{childPath}[{entry.Key}]", property.ItemNullable, walker, depth);
                    }

                    break;
                case IEnumerable items when property.IsCollection:
                    var index = 0;
                    foreach (var item in items)
                    {
                        WalkItem(item, $"{childPath}[{index++}]", property.ItemNullable, walker, depth);
                    }

                    CheckCount(index, childPath, property, walker);
                    break;
                default:
                    if (!IsScalar(child.GetType()))
                    {
                        Walk(child, childPath, walker, depth + 1);
                    }

                    break;
            }
        }
    }

    private static void WalkItem(object? item, string path, bool nullable, Walker walker, int depth)
    {
        switch (item)
        {
            case null when !nullable:
                walker.Add(path, "Validation.ItemMissing");
                break;
            case null:
                break;
            case string text:
                CheckText(text, path, DefaultMaxItemLength, walker);
                break;
            default:
                if (!IsScalar(item.GetType()))
                {
                    Walk(item, path, walker, depth + 1);
                }

                break;
        }
    }

    private static void CheckText(string text, string path, int maxLength, Walker walker)
    {
        if (text.Length > maxLength)
        {
            walker.Add(path, "Validation.TooLong", maxLength);
        }

        // PostgreSQL cannot store NUL in text: refused everywhere, not only where SingleLineText refuses every control character.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            walker.Add(path, "Validation.NulCharacter");
        }
    }

    private static void CheckCount(int count, string path, PropertyPlan property, Walker walker)
    {
        if (!property.HasLengthLimit && count > DefaultMaxItems)
        {
            walker.Add(path, "Validation.TooMany", DefaultMaxItems);
        }
    }

    private static PropertyPlan[] PlanOf(Type type)
    {
        // NullabilityInfoContext is not thread-safe: one per type planned (plans are cached).
        var nullability = new NullabilityInfoContext();
        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => !IsScalar(p.PropertyType) || p.PropertyType == typeof(string))
            .Select(p =>
            {
                var info = nullability.Create(p);
                var item = info.ElementType
                    ?? (info.GenericTypeArguments.Length > 0 ? info.GenericTypeArguments[^1] : null);
                return new PropertyPlan(
                    p,
                    NotNullable: !p.PropertyType.IsValueType && info.ReadState == NullabilityState.NotNull && p.GetCustomAttribute<RequiredAttribute>() is null,
                    IsCollection: p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType),
                    ItemNullable: item is null || item.ReadState != NullabilityState.NotNull || Nullable.GetUnderlyingType(item.Type) is not null,
                    HasLengthLimit: p.GetCustomAttributes<ValidationAttribute>().Any(a => a is MaxLengthAttribute or StringLengthAttribute or LengthAttribute));
            })];
    }

    private sealed record PropertyPlan(PropertyInfo Info, bool NotNullable, bool IsCollection, bool ItemNullable, bool HasLengthLimit);

    /// <summary>The errors found so far; messages that are resource keys are shown in the caller's language.</summary>
    private sealed class Walker(IStringLocalizer? text)
    {
        public List<(string Field, string Message)> Errors { get; } = [];

        public HashSet<object> Seen { get; } = new(ReferenceEqualityComparer.Instance);

        public void Add(string field, string message, params object[] arguments)
        {
            // DataAnnotations' own messages are not keys and pass through; without a localizer the key is the message.
            var localized = text is null ? null : arguments.Length == 0 ? text[message] : text[message, arguments];
            Errors.Add((field, localized is { ResourceNotFound: false } ? localized.Value : message));
        }
    }

    private static string Join(string path, string member) =>
        path.Length == 0 ? member : member.Length == 0 ? path : $"{path}.{member}";
}
