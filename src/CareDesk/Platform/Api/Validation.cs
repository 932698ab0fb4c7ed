using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> NestedProperties = new();

    /// <summary>Every data-annotation error of <paramref name="request"/> and of the objects it holds, by field path.</summary>
    public static IReadOnlyList<(string Field, string Message)> Errors(object request)
    {
        var errors = new List<(string Field, string Message)>();
        Walk(request, "", errors, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return errors;
    }

    public static ValidationProblem? Validate(object request) =>
        Errors(request) is { Count: > 0 } errors ? Problem(errors) : null;

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

    private static void Walk(object value, string path, List<(string Field, string Message)> errors, HashSet<object> seen, int depth)
    {
        if (depth > MaxDepth || !seen.Add(value))
        {
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                errors.Add((Join(path, member.Length == 0 ? "" : FieldName(member)), result.ErrorMessage ?? "invalid"));
            }
        }

        foreach (var property in NestedProperties.GetOrAdd(value.GetType(), NestedPropertiesOf))
        {
            if (property.GetValue(value) is not { } child)
            {
                continue;
            }

            var childPath = Join(path, FieldName(property.Name));
            switch (child)
            {
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        WalkItem(entry.Value, $"{childPath}[{entry.Key}]", errors, seen, depth);
                    }

                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        WalkItem(item, $"{childPath}[{index++}]", errors, seen, depth);
                    }

                    break;
                default:
                    Walk(child, childPath, errors, seen, depth + 1);
                    break;
            }
        }
    }

    private static void WalkItem(object? item, string path, List<(string Field, string Message)> errors, HashSet<object> seen, int depth)
    {
        if (item is not null && !IsScalar(item.GetType()))
        {
            Walk(item, path, errors, seen, depth + 1);
        }
    }

    // Properties that may hold objects with annotations of their own: not scalars, not collections of scalars.
    private static PropertyInfo[] NestedPropertiesOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => !IsScalar(p.PropertyType) && !IsCollectionOfScalars(p.PropertyType))];

    private static bool IsCollectionOfScalars(Type type)
    {
        if (type.IsArray)
        {
            return IsScalar(type.GetElementType()!);
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable is not null && IsScalar(enumerable.GetGenericArguments()[0]);
    }

    private static string Join(string path, string member) =>
        path.Length == 0 ? member : member.Length == 0 ? path : $"{path}.{member}";
}
