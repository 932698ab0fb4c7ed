using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace CareDesk.Platform.Api;

public enum FailureKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// An expected business failure: a kind, a resource key for the message (rendered in the caller's language by
/// the API and the UI alike) and, for invalid input, the field it concerns.
/// </summary>
public sealed record Failure(FailureKind Kind, string MessageKey, string? Field = null, params object[] Arguments)
{
    public static Failure Invalid(string field, string messageKey, params object[] arguments) => new(FailureKind.Invalid, messageKey, field, arguments);

    public static Failure NotFound(string messageKey) => new(FailureKind.NotFound, messageKey);

    public static Failure NotFound(string field, string messageKey, params object[] arguments) => new(FailureKind.NotFound, messageKey, field, arguments);

    public static Failure Conflict(string messageKey) => new(FailureKind.Conflict, messageKey);

    public static Failure Conflict(string field, string messageKey, params object[] arguments) => new(FailureKind.Conflict, messageKey, field, arguments);

    public string Message(IStringLocalizer text) => text[MessageKey, Arguments];

    /// <summary>The ProblemDetails answer for this failure.</summary>
    public IResult ToProblem(IStringLocalizer text) => Kind switch
    {
        FailureKind.Invalid => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [Field ?? ""] = [Message(text)] }, detail: Message(text)),
        // A missing thing named by a body field (an unknown productId) names the field as a 400 would.
        FailureKind.NotFound when Field is not null => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [Message(text)] } }),
        FailureKind.NotFound => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status404NotFound),
        // A conflict over one field (a stale version, a person already merged) names it as a 400 would.
        FailureKind.Conflict when Field is not null => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [Message(text)] } }),
        FailureKind.Conflict => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status409Conflict),
        // A refusal that concerns one field (a masked value the viewer may not overwrite) names it as a 400 would.
        _ when Field is not null => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [Message(text)] } }),
        _ => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status403Forbidden),
    };
}
