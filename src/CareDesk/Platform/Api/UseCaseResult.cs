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
        FailureKind.Conflict => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status409Conflict),
        // A refusal that concerns one field (a masked value the viewer may not overwrite) names it as a 400 would.
        _ when Field is not null => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [Message(text)] } }),
        _ => TypedResults.Problem(Message(text), statusCode: StatusCodes.Status403Forbidden),
    };
}

/// <summary>The outcome of a use case: a value or a <see cref="Failure"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    // The one way a use case's outcome becomes an HTTP answer: every endpoint ends in one of these, never in its own
    // `Succeeded ? … : Failure!.ToProblem(text)`.

    /// <summary>200 with the value, or the failure's ProblemDetails.</summary>
    public IResult ToOk(IStringLocalizer text) => Succeeded ? TypedResults.Ok(Value) : Failure!.ToProblem(text);

    /// <summary>201 with the value at the <paramref name="location"/> it names, or the failure's ProblemDetails.</summary>
    public IResult ToCreated(IStringLocalizer text, Func<T, string> location) =>
        Succeeded ? TypedResults.Created(location(Value!), Value) : Failure!.ToProblem(text);

    /// <summary>204, or the failure's ProblemDetails.</summary>
    public IResult ToNoContent(IStringLocalizer text) => Succeeded ? TypedResults.NoContent() : Failure!.ToProblem(text);

    /// <summary>
    /// After a change: 200 with what <paramref name="read"/> finds now (the changed thing as it stands), or the change's
    /// failure.
    /// </summary>
    public async Task<IResult> ToOkAsync<TView>(IStringLocalizer text, Func<T, Task<Result<TView>>> read) =>
        Succeeded ? (await read(Value!)).ToOk(text) : Failure!.ToProblem(text);

    /// <summary>After a creation: 201 with what <paramref name="read"/> finds at <paramref name="location"/>, or the failure.</summary>
    public async Task<IResult> ToCreatedAsync<TView>(IStringLocalizer text, Func<T, string> location, Func<T, Task<Result<TView>>> read)
    {
        if (!Succeeded)
        {
            return Failure!.ToProblem(text);
        }

        var view = await read(Value!);
        return view.Succeeded ? TypedResults.Created(location(Value!), view.Value) : view.Failure!.ToProblem(text);
    }

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
