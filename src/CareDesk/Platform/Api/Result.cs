using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace CareDesk.Platform.Api;

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
