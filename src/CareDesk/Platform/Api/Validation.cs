using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareDesk.Platform.Api;

/// <summary>
/// Validates request records by their data annotations and answers with a ProblemDetails that names each field
/// in the same casing as the JSON the client sent (<c>errors: {"email": ["…"]}</c>).
/// </summary>
public static class Validation
{
    public static ValidationProblem? Validate<T>(T request)
        where T : notnull
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        return Problem(results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Field: FieldName(m), Message: r.ErrorMessage ?? "invalid"))));
    }

    public static ValidationProblem Problem(string field, string message) => Problem([(field, message)]);

    public static ValidationProblem Problem(IEnumerable<(string Field, string Message)> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    public static string FieldName(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);
}
