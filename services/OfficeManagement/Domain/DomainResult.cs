namespace CityEServices.OfficeManagement.Domain;

/// <summary>Why the current state refuses a change: a code a client can branch on (<see cref="Conflicts"/>) and a sentence for people.</summary>
public sealed record Refusal(string Reason, string Detail);

/// <summary>The result of a domain operation that the current state may refuse (an API answers 409 with the reason).</summary>
public sealed record DomainResult<T>(T? Value, Refusal? Refusal) where T : class
{
    public bool Succeeded => Value is not null;

    public static DomainResult<T> Done(T value) => new(value, null);

    public static DomainResult<T> Refused(string reason, string detail) => new(null, new Refusal(reason, detail));
}
