namespace CityEServices.Web.Problems;

/// <summary>What a use case gives back: its result, or the <see cref="Problem"/> that explains why there is none.</summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    public Problem? Problem { get; }

    public bool Succeeded => Problem is null;

    /// <summary>The result; only meaningful when <see cref="Succeeded"/>.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The use case failed ({Problem!.Status} {Problem.Reason}): there is no value.");

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Problem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));

    /// <summary>Turns a successful result into another, passing a failure through.</summary>
    public Outcome<TOther> Then<TOther>(Func<T, TOther> map) => Succeeded ? map(_value!) : Problem!;
}

/// <summary>The result of a use case that has nothing to give back but success.</summary>
public readonly record struct Done
{
    public static readonly Done Value = default;
}
